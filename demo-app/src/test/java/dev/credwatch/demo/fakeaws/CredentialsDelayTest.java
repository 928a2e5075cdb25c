package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.CredentialProviders.containerV1;
import static dev.credwatch.demo.fakeaws.CredentialProviders.containerV2;
import static dev.credwatch.demo.fakeaws.CredentialProviders.imdsV1;
import static dev.credwatch.demo.fakeaws.CredentialProviders.imdsV2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FakeAws#credentialsDelay}: a slow credentials answer within the SDKs' 1 s default
 * timeout only costs time; a 3 s one is a read timeout, once for SDK v1 and six times (1 + 5
 * retries) for SDK v2's container provider. SDK v2 can wait longer for IMDS
 * ({@code aws.ec2MetadataServiceTimeout}); SDK v1 only through the environment.
 */
class CredentialsDelayTest {
    private static final String V2_IMDS_TIMEOUT = "aws.ec2MetadataServiceTimeout";
    private static final String TIMED_OUT = "java.net.SocketTimeoutException: Read timed out";
    private static final String V1_TIMED_OUT = "com.amazonaws.SdkClientException: Failed to connect to service endpoint: ";

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withSdkV1ImdsOnTheFake()
            .clearingAfterEach(V2_IMDS_TIMEOUT);
    private static final FakeAws fake = aws.fake();

    @Test
    void aDelayWithinTheTimeoutOnlyCostsTime() {
        fake.credentialsDelay(Duration.ofMillis(500));
        for (var outcome : java.util.List.of(imdsV1(), imdsV2(fake), containerV1(fake), containerV2(fake))) {
            assertThat(outcome.get()).startsWith("ASIA");
            assertThat(outcome.millis()).isBetween(480L, 900L);
        }
    }

    @Test
    void aThreeSecondImdsAnswerTimesOutAfterOneSecondUnlessSdkV2WaitsLonger() {
        fake.credentialsDelay(Duration.ofSeconds(3));
        var v1 = imdsV1();
        assertThat(v1.chain()).containsExactly(V1_TIMED_OUT, TIMED_OUT);
        assertThat(v1.millis()).isBetween(950L, 2_000L);
        var v2 = imdsV2(fake);
        assertThat(v2.chain()).containsExactly(CredentialProviders.V2_IMDS_FAILED,
                "software.amazon.awssdk.core.exception.SdkClientException: Failed to load credentials from metadata "
                        + "service.", TIMED_OUT);
        assertThat(v2.millis()).isBetween(950L, 2_000L);

        System.setProperty(V2_IMDS_TIMEOUT, "5"); // seconds
        var patient = imdsV2(fake);
        assertThat(patient.get()).startsWith("ASIA");
        assertThat(patient.millis()).isBetween(2_950L, 4_500L);
        // only the role credentials were late
        assertThat(fake.requests()).extracting(FakeRequest::action).containsSubsequence("GetToken", "ListRoles",
                "GetCredentials");
    }

    @Test
    void aThreeSecondContainerAnswerTimesOutOnceInSdkV1AndSixTimesInSdkV2() {
        fake.credentialsDelay(Duration.ofSeconds(3));
        var v1 = containerV1(fake);
        assertThat(v1.chain()).containsExactly(V1_TIMED_OUT, TIMED_OUT);
        assertThat(v1.millis()).isBetween(950L, 2_000L);
        fake.clearRequests();
        var v2 = containerV2(fake);
        assertThat(v2.chain()).containsExactly(CredentialProviders.V2_CONTAINER_FAILED, TIMED_OUT);
        assertThat(v2.millis()).isBetween(5_900L, 9_000L);
        // The fake answered each attempt (late): the request log shows six successes nobody received.
        assertThat(fake.requests()).hasSize(6).allMatch(FakeRequest::succeeded);
    }
}
