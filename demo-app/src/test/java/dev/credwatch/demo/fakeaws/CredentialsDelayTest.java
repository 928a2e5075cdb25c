package dev.credwatch.demo.fakeaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FakeAws#credentialsDelay}: a slow credentials answer within the SDKs' 1 s default
 * timeout only costs time; a 3 s one is a read timeout, once for SDK v1 and six times (1 + 5
 * retries) for SDK v2's container provider. SDK v2 can wait longer for IMDS
 * ({@code aws.ec2MetadataServiceTimeout}); SDK v1 only through the environment.
 */
class CredentialsDelayTest {
    private static final String V1_IMDS_PROPERTY = "com.amazonaws.sdk.ec2MetadataServiceEndpointOverride";
    private static final String V2_IMDS_TIMEOUT = "aws.ec2MetadataServiceTimeout";
    private static final String TIMED_OUT = "java.net.SocketTimeoutException: Read timed out";
    private static final String V1_TIMED_OUT = "com.amazonaws.SdkClientException: Failed to connect to service endpoint: ";

    private static FakeAws fake;

    @BeforeAll
    static void start() {
        fake = FakeAws.start();
        System.setProperty(V1_IMDS_PROPERTY, fake.instanceMetadataEndpoint());
    }

    @AfterAll
    static void stop() {
        System.clearProperty(V1_IMDS_PROPERTY);
        fake.close();
    }

    @AfterEach
    void reset() {
        fake.reset();
        fake.clearRequests();
        System.clearProperty(V2_IMDS_TIMEOUT);
    }

    @Test
    void aDelayWithinTheTimeoutOnlyCostsTime() {
        fake.credentialsDelay(Duration.ofMillis(500));
        for (var outcome : java.util.List.of(ImdsFaultsTest.v1(), ImdsFaultsTest.v2(fake),
                ContainerFaultsTest.v1(fake), ContainerFaultsTest.v2(fake))) {
            assertThat(outcome.get()).startsWith("ASIA");
            assertThat(outcome.millis()).isBetween(480L, 900L);
        }
    }

    @Test
    void aThreeSecondImdsAnswerTimesOutAfterOneSecondUnlessSdkV2WaitsLonger() {
        fake.credentialsDelay(Duration.ofSeconds(3));
        var v1 = ImdsFaultsTest.v1();
        assertThat(v1.chain()).containsExactly(V1_TIMED_OUT, TIMED_OUT);
        assertThat(v1.millis()).isBetween(950L, 2_000L);
        var v2 = ImdsFaultsTest.v2(fake);
        assertThat(v2.chain()).containsExactly(ImdsFaultsTest.V2_IMDS_FAILED,
                "software.amazon.awssdk.core.exception.SdkClientException: Failed to load credentials from metadata "
                        + "service.", TIMED_OUT);
        assertThat(v2.millis()).isBetween(950L, 2_000L);

        System.setProperty(V2_IMDS_TIMEOUT, "5"); // seconds
        var patient = ImdsFaultsTest.v2(fake);
        assertThat(patient.get()).startsWith("ASIA");
        assertThat(patient.millis()).isBetween(2_950L, 4_500L);
        // only the role credentials were late
        assertThat(fake.requests()).extracting(FakeRequest::action).containsSubsequence("GetToken", "ListRoles",
                "GetCredentials");
    }

    @Test
    void aThreeSecondContainerAnswerTimesOutOnceInSdkV1AndSixTimesInSdkV2() {
        fake.credentialsDelay(Duration.ofSeconds(3));
        var v1 = ContainerFaultsTest.v1(fake);
        assertThat(v1.chain()).containsExactly(V1_TIMED_OUT, TIMED_OUT);
        assertThat(v1.millis()).isBetween(950L, 2_000L);
        fake.clearRequests();
        var v2 = ContainerFaultsTest.v2(fake);
        assertThat(v2.chain()).containsExactly(ContainerFaultsTest.V2_CONTAINER_FAILED, TIMED_OUT);
        assertThat(v2.millis()).isBetween(5_900L, 9_000L);
        // The fake answered each attempt (late): the request log shows six successes nobody received.
        assertThat(fake.requests()).hasSize(6).allMatch(FakeRequest::succeeded);
    }
}
