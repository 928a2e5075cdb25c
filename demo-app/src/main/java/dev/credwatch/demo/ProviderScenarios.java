package dev.credwatch.demo;

import static dev.credwatch.demo.Scenario.inChildJvm;
import static dev.credwatch.demo.Scenario.inProcess;
import static dev.credwatch.demo.Scenario.Expected.sees;

import dev.credwatch.demo.fakeaws.FakeAws;

import java.util.List;

/**
 * The second part of the story: the SDKs' own credential providers failing, where most real credential
 * problems start (instance metadata from inside a container, a container endpoint, an IRSA role). Each
 * line as in {@link Scenarios}.
 */
final class ProviderScenarios {
    static final List<Scenario> ALL = List.of(
            inChildJvm("imds-hop-limit", "v1",
                    "(child JVM) SQS ListQueues with the instance role, from a container on EC2 whose IMDSv2 token "
                            + "request never gets an answer (hop limit 1); the SDK falls back to IMDSv1",
                    sees("ok").warns("credentials_slow", "reason=imds_token_failed"),
                    FakeAws::imdsTokenUnanswered,
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_EC2_METADATA_DISABLED", "false");
                        systemProperties.put("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                                fake.instanceMetadataEndpoint());
                    },
                    V1Calls.sqsListQueues(V1Calls::instanceProfile)),
            inChildJvm("imds-no-role", "v1",
                    "(child JVM) SQS ListQueues with the instance role, on an instance that has no role attached",
                    sees("SdkClientException").warns("missing_credentials", "reason=imds_no_role"),
                    FakeAws::imdsNoRole,
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_EC2_METADATA_DISABLED", "false");
                        systemProperties.put("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                                fake.instanceMetadataEndpoint());
                    },
                    V1Calls.sqsListQueues(V1Calls::instanceProfile)),
            inChildJvm("v2-imds-hop-limit", "v2",
                    "(child JVM) SqsClient ListQueues with the instance role, from a container on EC2 whose IMDSv2 "
                            + "token request never gets an answer (hop limit 1); the SDK falls back to IMDSv1",
                    sees("ok").warns("credentials_slow", "reason=imds_token_failed"),
                    FakeAws::imdsTokenUnanswered,
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_EC2_METADATA_DISABLED", "false");
                        systemProperties.put("aws.ec2MetadataServiceEndpoint", fake.instanceMetadataEndpoint());
                    },
                    V2Calls.sqsListQueues(V2Calls::instanceProfile)),
            inProcess("v2-role-skipped-in-chain", "v2",
                    "SqsClient ListQueues with a chain of an IRSA role, then the application's keys; STS refuses "
                            + "the role's token and the chain goes on to the keys",
                    sees("ok").warns("credentials_refresh_failed", "reason=web_identity_rejected"),
                    fake -> fake.acceptWebIdentityToken(DemoKeys.CLUSTER_WEB_IDENTITY_TOKEN),
                    V2Calls.sqsListQueues(V2Calls::roleThenAppKeys)),
            inProcess("v2-web-identity-rejected", "v2",
                    "SqsClient ListQueues with an IRSA role whose service-account token STS does not accept",
                    sees("InvalidIdentityTokenException").warns("missing_credentials", "reason=web_identity_rejected"),
                    fake -> fake.acceptWebIdentityToken(DemoKeys.CLUSTER_WEB_IDENTITY_TOKEN),
                    V2Calls.sqsListQueues(V2Calls::webIdentityRole)),
            inProcess("v2-sts-throttled", "v2",
                    "SqsClient ListQueues with an IRSA role while STS throttles AssumeRoleWithWebIdentity",
                    sees("StsException").warns("missing_credentials", "reason=throttled"),
                    fake -> fake.throttle("sts", "AssumeRoleWithWebIdentity"),
                    V2Calls.sqsListQueues(V2Calls::webIdentityRole)));

    private ProviderScenarios() {
    }
}
