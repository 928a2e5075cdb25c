package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.diagnose;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static dev.credwatch.agent.diagnosis.Calls.failedClientSide;
import static org.assertj.core.api.Assertions.assertThat;

class MissingCredentialsDiagnosisTest {
    // Printed by SDK v1 1.12.797 and SDK v2 2.35.0 in an empty environment.
    static final String V1_CHAIN = "Unable to load AWS credentials from any provider in the chain: "
            + "[EnvironmentVariableCredentialsProvider: Unable to load AWS credentials from environment variables "
            + "(AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) and AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY)), "
            + "SystemPropertiesCredentialsProvider: Unable to load AWS credentials from Java system properties "
            + "(aws.accessKeyId and aws.secretKey), WebIdentityTokenCredentialsProvider: You must specify a value "
            + "for roleArn and roleSessionName, com.amazonaws.auth.profile.ProfileCredentialsProvider@7b1d7fff: "
            + "profile file cannot be null, com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper@299a06ac: "
            + "Failed to connect to service endpoint: ]";
    static final String V2_CHAIN = "Unable to load credentials from any of the providers in the chain "
            + "AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), "
            + "EnvironmentVariableCredentialsProvider(), WebIdentityTokenCredentialsProvider(), "
            + "ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[])), "
            + "ContainerCredentialsProvider(), InstanceProfileCredentialsProvider()]) : "
            + "[SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key "
            + "must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property "
            + "(aws.accessKeyId)., EnvironmentVariableCredentialsProvider(): Unable to load credentials from system "
            + "settings. Access key must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system "
            + "property (aws.accessKeyId)., WebIdentityTokenCredentialsProvider(): Either the environment variable "
            + "AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile must be set., "
            + "ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[profiles], "
            + "profiles=[Profile(name=other, properties=[aws_access_key_id])])): Profile file contained no "
            + "credentials for profile 'default': ProfileFile(sections=[]), ContainerCredentialsProvider(): Cannot "
            + "fetch credentials from container - neither AWS_CONTAINER_CREDENTIALS_FULL_URI or "
            + "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI environment variables are set., "
            + "InstanceProfileCredentialsProvider(): IMDS credentials have been disabled by environment variable "
            + "or system property.]";

    private static Diagnosis only(List<Diagnosis> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void theV1ChainIsSummarizedProviderByProvider() {
        Diagnosis found = only(diagnose(failedClientSide(V1_CHAIN).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.MISSING_CREDENTIALS);
        assertThat(found.code()).isNull();
        assertThat(found.hint()).isEqualTo("tried 5 providers: container/instance metadata (endpoint unreachable), "
                + "profile (no profile file); not set: environment, system properties, web identity");
    }

    @Test
    void theV2ChainIsSummarizedProviderByProvider() {
        Diagnosis found = only(diagnose(failedClientSide(V2_CHAIN).build()));

        // The profile file does not exist ("ProfileFile(sections=[])"): not a profile without keys.
        assertThat(found.hint()).isEqualTo("tried 6 providers: instance metadata (disabled), profile (no profile "
                + "file); not set: system properties, environment, web identity, container");
        assertThat(found.reason()).isEqualTo("disabled,profile_not_found");
        assertThat(found.hint().length()).isLessThanOrEqualTo(Hints.MAX_HINT_CHARS);
    }

    @Test
    void otherProviderReasonsAreRecognized() {
        String message = "Unable to load AWS credentials from any provider in the chain: [WebIdentityTokenCredentials"
                + "Provider: To use assume role profiles the aws-java-sdk-sts module must be on the class path., "
                + "com.amazonaws.auth.profile.ProfileCredentialsProvider@1: No AWS profile named 'prod', "
                + "com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper@2: AWS_EC2_METADATA_DISABLED is set to "
                + "true, not loading credentials from EC2 Instance Metadata service, com.acme.VaultProvider@3: "
                + "vault said no: s3cr3t]";

        assertThat(ProviderChainSummary.summarize(message)).isEqualTo("tried 4 providers: web identity "
                + "(aws-java-sdk-sts not on the class path), container/instance metadata (disabled), profile (no "
                + "profile 'prod'), VaultProvider (failed)");
    }

    @Test
    void theV1ChainsReasonsPutTheRoleSourcesFirst() {
        Diagnosis found = only(diagnose(failedClientSide(V1_CHAIN).build()));

        assertThat(found.reason()).isEqualTo("imds_unreachable,profile_not_found");
        assertThat(found.evidence().reason()).isEqualTo("imds_unreachable,profile_not_found");
    }

    @Test
    void aV2ProfileThatDoesNotExistIsNotAProfileWithoutKeys() {
        String files = "ProfileFile(sections=[profiles], profiles=[Profile(name=default, properties=["
                + "aws_access_key_id, aws_secret_access_key]), Profile(name=dev, properties=[region])])";
        String prod = "Profile file contained no credentials for profile 'prod': " + files;
        String dev = "Profile file contained no credentials for profile 'dev': " + files;

        Diagnosis missing = only(diagnose(failedClientSide(prod).build()));
        Diagnosis noKeys = only(diagnose(failedClientSide(dev).build()));

        assertThat(missing.hint()).isEqualTo("the credential provider found none: no profile 'prod'");
        assertThat(missing.reason()).isEqualTo("profile_not_found");
        assertThat(noKeys.hint()).isEqualTo("the credential provider found none: no keys in profile 'dev'");
        assertThat(noKeys.reason()).isEqualTo("profile_no_keys");
    }

    @Test
    void aChainOfUnconfiguredProvidersSaysSo() {
        String message = "Unable to load AWS credentials from any provider in the chain: "
                + "[EnvironmentVariableCredentialsProvider: Unable to load AWS credentials from environment variables "
                + "(AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) and AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY))]";

        assertThat(only(diagnose(failedClientSide(message).build())).reason()).isEqualTo("not_set");
    }

    @Test
    void anAnonymousFallbackOfAChainIsMissingCredentialsNotAccessDenied() {
        // SDK v1's S3CredentialsProviderChain goes anonymous when no provider has keys; S3 then says AccessDenied.
        CredentialInfo fallback = CredentialInfo.builder().provider("S3CredentialsProviderChain")
                .source(CredentialSource.ANONYMOUS).build();

        Diagnosis found = only(diagnose(failed("AccessDenied", 403, "Access Denied").service("S3")
                .operation("GetObject").credentials(fallback).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.MISSING_CREDENTIALS);
        assertThat(found.hint()).isEqualTo("no provider in S3CredentialsProviderChain found keys, so S3.GetObject "
                + "went out unsigned (anonymous) and was refused: configure credentials (environment, a profile, or "
                + "a role)");
        assertThat(found.evidence().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void anonymousCredentialsChosenOnPurposeStayAccessDenied() {
        CredentialInfo anonymous = CredentialInfo.builder().provider("AnonymousCredentialsProvider")
                .source(CredentialSource.ANONYMOUS).build();

        Diagnosis found = only(diagnose(failed("AccessDenied", 403, "Access Denied").credentials(anonymous).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.ACCESS_DENIED);
    }

    @Test
    void aSingleProvidersMessageIsExplainedToo() {
        assertThat(only(diagnose(failedClientSide("Unable to load credentials from system settings. Access key must "
                + "be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property "
                + "(aws.accessKeyId).").build())).hint())
                .isEqualTo("the credential provider found none: neither AWS_ACCESS_KEY_ID nor aws.accessKeyId set");
        assertThat(only(diagnose(failedClientSide("Unable to load AWS credentials from environment variables "
                + "(AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) and AWS_SECRET_KEY (or AWS_SECRET_ACCESS_KEY))").build()))
                .hint()).isEqualTo("the credential provider found none: AWS_ACCESS_KEY_ID not set");
    }

    @Test
    void oddShapesNeverThrowAndStayShort() {
        String[] messages = {"Unable to load credentials: [", "Unable to load credentials: []",
                "Unable to load credentials: [Provider", "Unable to load credentials: [, , Provider: ",
                "Unable to load credentials: [X: " + "y".repeat(100_000) + "]",
                "Unable to load credentials: [" + "AProvider: a, ".repeat(5_000) + "]"};
        for (String message : messages) {
            Diagnosis found = only(diagnose(failedClientSide(message).build()));

            assertThat(found.category()).isEqualTo(DiagnosisCategory.MISSING_CREDENTIALS);
            assertThat(found.hint()).hasSizeLessThanOrEqualTo(Hints.MAX_HINT_CHARS).doesNotContain("yyyy");
        }
    }

    @Test
    void missingAuthenticationTokenWithAnonymousCredentials() {
        CredentialInfo anonymous = CredentialInfo.builder().provider("AnonymousCredentialsProvider")
                .source(CredentialSource.ANONYMOUS).kind(CredentialKind.LONG_TERM).build();

        Diagnosis found = only(diagnose(failed("MissingAuthenticationToken", 403, "Request is missing "
                + "Authentication Token").credentials(anonymous).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.MISSING_CREDENTIALS);
        assertThat(found.hint()).isEqualTo("SQS.SendMessage was sent unsigned (anonymous credentials) but needs "
                + "signed requests: configure credentials");
    }

    @Test
    void missingAuthenticationTokenDespiteCredentials() {
        Diagnosis found = only(diagnose(failed("MissingAuthenticationTokenException", 403, "x")
                .credentials(Calls.staticLongTerm()).build()));

        assertThat(found.hint()).startsWith("SQS.SendMessage reached AWS without a signature");
    }
}
