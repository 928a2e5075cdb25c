package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.CredentialProviders.V1_IMDS_ENDPOINT;
import static dev.credwatch.demo.fakeaws.CredentialProviders.V2_CONTAINER_FULL_URI;
import static dev.credwatch.demo.fakeaws.CredentialProviders.V2_CONTAINER_TOKEN;
import static dev.credwatch.demo.fakeaws.CredentialProviders.V2_IMDS_ENDPOINT;
import static dev.credwatch.demo.fakeaws.CredentialProviders.containerEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.SdkClientException;
import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSSessionCredentials;
import com.amazonaws.auth.ContainerCredentialsProvider;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The SDKs' own refreshing providers fetch credentials from the fake's instance-metadata and
 * container endpoints, configured the way each SDK documents it in-process (system properties,
 * or a constructor/builder where the SDK reads only environment variables), and a call signed
 * with those credentials succeeds. {@link EnvironmentConfiguredProvidersTest} covers the
 * environment-variable route in a child JVM.
 */
class CredentialEndpointsTest {
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start()
            .clearingAfterEach(V1_IMDS_ENDPOINT, V2_IMDS_ENDPOINT, V2_CONTAINER_FULL_URI, V2_CONTAINER_TOKEN);
    private static final FakeAws fake = aws.fake();

    @Test
    void sdkV1InstanceProfileProviderUsesImdsV2AndItsCredentialsWork() throws Exception {
        System.setProperty(V1_IMDS_ENDPOINT, fake.instanceMetadataEndpoint());
        InstanceProfileCredentialsProvider provider = new InstanceProfileCredentialsProvider(false);
        AWSCredentials credentials = provider.getCredentials();
        assertThat(credentials).isInstanceOf(AWSSessionCredentials.class);
        assertThat(credentials.getAWSAccessKeyId()).startsWith("ASIA");
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::action)
                .startsWith(org.assertj.core.groups.Tuple.tuple("imds", "GetToken"));
        assertThat(fake.requests()).anyMatch(r -> r.action().equals("GetCredentials")
                && credentials.getAWSAccessKeyId().equals(r.accessKeyId()));

        var sqs = Clients.v1Sqs(fake, provider, false);
        assertThat(sqs.listQueues().getQueueUrls()).isNotEmpty();
        sqs.shutdown();
        provider.close();
    }

    @Test
    void sdkV2InstanceProfileProviderBySystemPropertyAndByBuilder() {
        System.setProperty(V2_IMDS_ENDPOINT, fake.instanceMetadataEndpoint());
        try (var byProperty = software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider.create();
             var byBuilder = software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider.builder()
                     .endpoint(fake.instanceMetadataEndpoint()).build();
             var sns = Clients.v2Sns(fake, byProperty, false)) {
            assertThat(sns.listTopics().topics()).isNotEmpty();
            var fromBuilder = (AwsSessionCredentials) byBuilder.resolveCredentials();
            assertThat(fromBuilder.accessKeyId()).startsWith("ASIA");
            // 2.35 keeps the IMDS expiry in its cache only: the identity's expirationTime() stays empty.
            assertThat(fromBuilder.expirationTime()).isEmpty();
        }
        assertThat(fake.requests()).filteredOn(r -> r.service().equals("imds"))
                .extracting(FakeRequest::action).contains("GetToken", "ListRoles", "GetCredentials");
    }

    @Test
    void sdkV1ContainerProviderSendsTheAuthorizationTokenAndGetsTheConfiguredLifetime() {
        fake.requireContainerAuthorization("container-token-1");
        fake.issuedCredentialLifetime(Duration.ofMinutes(30));
        // SDK v1 reads AWS_CONTAINER_CREDENTIALS_FULL_URI / AWS_CONTAINER_AUTHORIZATION_TOKEN from the
        // environment only; in-process its public constructor takes the endpoint instead.
        var provider = new ContainerCredentialsProvider(
                containerEndpoint(fake.containerCredentialsUri(), "container-token-1"));
        AWSCredentials credentials = provider.getCredentials();
        assertThat(credentials.getAWSAccessKeyId()).startsWith("ASIA");
        assertThat(provider.getCredentialsExpiration().toInstant())
                .isCloseTo(fake.now().plus(Duration.ofMinutes(30)), within(5, ChronoUnit.SECONDS));
        var sts = Clients.v1Sts(fake, provider);
        assertThat(sts.getCallerIdentity(new com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest())
                .getArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/credwatch-demo-task-role/credwatch-task");
        sts.shutdown();

        var wrongToken = new ContainerCredentialsProvider(containerEndpoint(fake.containerCredentialsUri(), "wrong"));
        assertThatThrownBy(wrongToken::getCredentials).isInstanceOf(SdkClientException.class);
        assertThat(fake.requests()).extracting(FakeRequest::outcome).contains("InvalidToken");
    }

    @Test
    void sdkV2ContainerProviderBySystemProperties() {
        fake.requireContainerAuthorization("container-token-2");
        System.setProperty(V2_CONTAINER_FULL_URI, fake.containerCredentialsUri());
        System.setProperty(V2_CONTAINER_TOKEN, "container-token-2");
        try (var provider = software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.builder().build();
             var s3 = Clients.v2S3(fake, provider, false)) {
            assertThat(s3.listBuckets().buckets()).isNotEmpty();
            String keyId = provider.resolveCredentials().accessKeyId();
            assertThat(fake.requests()).anyMatch(r -> r.service().equals("container") && keyId.equals(r.accessKeyId()));
            assertThat(fake.requests()).anyMatch(r -> r.service().equals("s3") && r.succeeded());
        }
    }

    @Test
    void issuedCredentialsExpireOnTheFakesClock() {
        fake.issuedCredentialLifetime(Duration.ofMinutes(10));
        var provider = new ContainerCredentialsProvider(containerEndpoint(fake.containerCredentialsUri(), null));
        AWSSessionCredentials credentials = (AWSSessionCredentials) provider.getCredentials();
        fake.setClockOffset(Duration.ofMinutes(11)); // past the expiry, inside the signing window
        var seen = Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(credentials.getAWSAccessKeyId(),
                credentials.getAWSSecretKey(), credentials.getSessionToken()), false).listTopics());
        assertThat(seen.code()).isEqualTo("ExpiredToken");
    }
}
