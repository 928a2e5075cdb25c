package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.CredentialProviders.V2_IMDS_FAILED;
import static dev.credwatch.demo.fakeaws.CredentialProviders.imdsV1;
import static dev.credwatch.demo.fakeaws.CredentialProviders.imdsV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The instance-metadata faults against both SDKs' own {@code InstanceProfileCredentialsProvider}:
 * what each SDK throws (outermost first, with its cause chain), or how it falls back to IMDSv1 and
 * how long that takes. Both SDKs wait 1 s for an IMDS answer by default (SDK v1's
 * {@code AWS_METADATA_SERVICE_TIMEOUT} can only be changed in the environment).
 */
class ImdsFaultsTest {
    private static final String V1_NO_FALLBACK = "com.amazonaws.sdk.disableEc2MetadataV1";
    private static final String V2_NO_FALLBACK = "aws.disableEc2MetadataV1";
    static final String V1_FALLBACK_DISABLED = "com.amazonaws.AmazonClientException: Failed to retrieve IMDS token, "
            + "and fallback to IMDS v1 is disabled via the AWS_EC2_METADATA_V1_DISABLED environment variable and/or "
            + "com.amazonaws.sdk.disableEc2MetadataV1 system property and/or ec2_metadata_v1_disabled profile property.";
    // sic: SDK v2 swaps "system property" and "environment variable" in this message
    static final String V2_FALLBACK_DISABLED = "software.amazon.awssdk.core.exception.SdkClientException: Failed to "
            + "retrieve IMDS token, and fallback to IMDS v1 is disabled via the AWS_EC2_METADATA_V1_DISABLED system "
            + "property, aws.disableEc2MetadataV1 environment variable, or ec2_metadata_v1_disabled configuration file "
            + "profile setting.";

    /** SDK v1 logs a refused token with its stack trace (WARN "Fail to retrieve token") before it throws. */
    private static final Logger V1_TOKEN_LOG = Logger.getLogger(
            "com.amazonaws.internal.InstanceMetadataServiceResourceFetcher");

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withSdkV1ImdsOnTheFake()
            .clearingAfterEach(V1_NO_FALLBACK, V2_NO_FALLBACK);
    private static final FakeAws fake = aws.fake();

    @BeforeAll
    static void silenceTheRefusedTokenStackTraces() {
        V1_TOKEN_LOG.setLevel(Level.SEVERE);
    }

    @AfterAll
    static void restoreTheLogLevel() {
        V1_TOKEN_LOG.setLevel(null);
    }

    private static List<String> imdsLog() {
        return fake.requests().stream().map(r -> r.action() + " " + r.status() + " " + r.outcome()).toList();
    }

    @Test
    void unansweredTokenMakesBothSdksWaitOneSecondPerTokenThenFallBackToImdsV1() {
        fake.imdsTokenUnanswered();
        var v1 = imdsV1();
        assertThat(v1.get()).startsWith("ASIA");
        // SDK v1 asks for a token before each of its two reads: two timeouts.
        assertThat(v1.millis()).isBetween(1_900L, 4_000L);
        assertThat(imdsLog()).containsExactly("GetToken 0 Unanswered", "ListRoles 200 OK",
                "GetToken 0 Unanswered", "GetCredentials 200 OK");

        fake.clearRequests();
        var v2 = imdsV2(fake);
        assertThat(v2.get()).startsWith("ASIA");
        assertThat(v2.millis()).isBetween(900L, 3_000L);
        assertThat(imdsLog()).containsExactly("GetToken 0 Unanswered", "ListRoles 200 OK", "GetCredentials 200 OK");
    }

    @Test
    void unansweredTokenWithTheImdsV1FallbackDisabledFailsAfterTheTimeout() {
        fake.imdsTokenUnanswered();
        System.setProperty(V1_NO_FALLBACK, "true");
        System.setProperty(V2_NO_FALLBACK, "true");
        var v1 = imdsV1();
        assertThat(v1.chain()).containsExactly(
                "com.amazonaws.SdkClientException: Unable to load credentials from service endpoint",
                V1_FALLBACK_DISABLED);
        assertThat(v1.millis()).isBetween(900L, 3_000L);
        var v2 = imdsV2(fake);
        assertThat(v2.chain()).containsExactly(V2_IMDS_FAILED, V2_FALLBACK_DISABLED,
                "java.net.SocketTimeoutException: Read timed out");
        assertThat(v2.millis()).isBetween(900L, 3_000L);
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::action, FakeRequest::outcome)
                .containsOnly(tuple("imds", "GetToken", "Unanswered"));
    }

    @Test
    void tokenRefusedWith4xxFallsBackAtOnceAnd400Fails() {
        for (int status : new int[] {401, 403, 404, 405}) {
            fake.imdsTokenRefused(status);
            assertThat(imdsV1().get()).startsWith("ASIA");
            assertThat(imdsV2(fake).get()).startsWith("ASIA");
            assertThat(imdsLog()).startsWith("GetToken " + status + " TokenRefused", "ListRoles 200 OK");
            fake.clearRequests();
        }
        // 400 means "your request was wrong", not "no IMDSv2 here": neither SDK falls back.
        fake.imdsTokenRefused(400);
        assertThat(imdsV1().chain()).containsExactly("com.amazonaws.AmazonServiceException: Bad Request "
                + "(Service: null; Status Code: 400; Error Code: null; Request ID: null; Proxy: null)");
        var v2 = imdsV2(fake);
        assertThat(v2.chain()).containsExactly(V2_IMDS_FAILED,
                "software.amazon.awssdk.core.exception.SdkClientException: Unable to fetch metadata token.",
                "software.amazon.awssdk.core.exception.SdkServiceException: Bad Request");
        assertThat(((SdkServiceException) v2.failure().getCause().getCause()).statusCode()).isEqualTo(400);
        assertThat(imdsLog()).containsExactly("GetToken 400 TokenRefused", "GetToken 400 TokenRefused");
    }

    @Test
    void tokenRefusedWith500FailsInSdkV1AndFallsBackInSdkV2() {
        fake.imdsTokenRefused(500);
        assertThat(imdsV1().chain()).containsExactly("com.amazonaws.AmazonServiceException: Internal Server Error "
                + "(Service: null; Status Code: 500; Error Code: null; Request ID: null; Proxy: null)");
        assertThat(imdsV2(fake).get()).startsWith("ASIA");
        assertThat(imdsLog()).containsExactly("GetToken 500 TokenRefused", "GetToken 500 TokenRefused",
                "ListRoles 200 OK", "GetCredentials 200 OK");
    }

    @Test
    void tokenRefusedWithTheFallbackDisabledNamesTheSetting() {
        fake.imdsTokenRefused(403);
        System.setProperty(V1_NO_FALLBACK, "true");
        System.setProperty(V2_NO_FALLBACK, "true");
        assertThat(imdsV1().chain()).containsExactly(
                "com.amazonaws.SdkClientException: Unable to load credentials from service endpoint",
                V1_FALLBACK_DISABLED);
        assertThat(imdsV2(fake).chain()).containsExactly(V2_IMDS_FAILED, V2_FALLBACK_DISABLED,
                "software.amazon.awssdk.core.exception.SdkServiceException: Forbidden");
    }

    @Test
    void noRoleAttachedIsTheNotFoundRoleListing() {
        fake.imdsNoRole();
        String listing = "The requested metadata is not found at " + fake.instanceMetadataEndpoint()
                + "/latest/meta-data/iam/security-credentials/";
        assertThat(imdsV1().chain()).containsExactly("com.amazonaws.SdkClientException: " + listing);
        assertThat(imdsV2(fake).chain()).containsExactly(V2_IMDS_FAILED,
                "software.amazon.awssdk.core.exception.SdkClientException: " + listing);
        assertThat(imdsLog()).containsExactly("GetToken 200 OK", "ListRoles 404 NotFound",
                "GetToken 200 OK", "ListRoles 404 NotFound");
    }

    @Test
    void throttledImdsFailsWithoutRetryAfterTheTokenFallback() {
        fake.imdsThrottled();
        var v1 = imdsV1();
        assertThat(v1.chain()).containsExactly("com.amazonaws.AmazonServiceException: Too Many Requests (Service: null; "
                + "Status Code: 429; Error Code: null; Request ID: null; Proxy: null)");
        assertThat(((com.amazonaws.AmazonServiceException) v1.failure()).getStatusCode()).isEqualTo(429);
        var v2 = imdsV2(fake);
        assertThat(v2.chain()).containsExactly(V2_IMDS_FAILED,
                "software.amazon.awssdk.core.exception.SdkServiceException: Too Many Requests");
        assertThat(((SdkServiceException) v2.failure().getCause()).statusCode()).isEqualTo(429);
        // Both SDKs take a 429 on the token as "no IMDSv2" and try IMDSv1 once.
        assertThat(imdsLog()).containsExactly("GetToken 429 TooManyRequests", "ListRoles 429 TooManyRequests",
                "GetToken 429 TooManyRequests", "ListRoles 429 TooManyRequests");
    }
}
