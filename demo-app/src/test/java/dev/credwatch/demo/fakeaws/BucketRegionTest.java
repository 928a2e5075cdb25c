package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.AmazonS3Exception;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A bucket placed in another region answers a request signed for us-east-1 as S3 does. */
class BucketRegionTest {
    private static final String WRONG_REGION = "The authorization header is malformed; the region 'us-east-1' is "
            + "wrong; expecting 'eu-west-1'";
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @BeforeAll
    static void placeABucketInIreland() {
        fake.placeBucket("credwatch-eu", "eu-west-1");
        fake.putObject("credwatch-eu", "hello.txt", "hello from Ireland\n");
    }

    @Test
    void sdkV1SeesAuthorizationHeaderMalformedWithTheBucketsRegion() {
        AmazonS3 s3 = Clients.v1S3(fake, Clients.v1(KEY_ID, SECRET), true);
        try {
            s3.getObjectAsString("credwatch-eu", "hello.txt");
            throw new AssertionError("expected AuthorizationHeaderMalformed");
        } catch (AmazonS3Exception e) {
            assertThat(e.getErrorCode()).isEqualTo("AuthorizationHeaderMalformed");
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getErrorMessage()).isEqualTo(WRONG_REGION);
            assertThat(e.getAdditionalDetails()).containsEntry("Region", "eu-west-1");
            assertThat(e.getRequestId()).isNotBlank();
            assertThat(e.getExtendedRequestId()).isNotBlank();
        }
        // one attempt only: a 400 is not retried, and the SDK looks for the bucket nowhere else
        assertThat(fake.requests()).filteredOn(r -> "AuthorizationHeaderMalformed".equals(r.outcome()))
                .extracting(FakeRequest::service, FakeRequest::action, FakeRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s3", "GetObject", 400));
    }

    @Test
    void sdkV2SeesTheRegionHeaderThatCrossRegionClientsFollow() {
        try (S3Client s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false)) {
            try {
                s3.getObjectAsBytes(r -> r.bucket("credwatch-eu").key("hello.txt"));
                throw new AssertionError("expected AuthorizationHeaderMalformed");
            } catch (S3Exception e) {
                assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"))
                        .contains("eu-west-1");
            }
            var seen = Errors.v2(() -> s3.getObjectAsBytes(r -> r.bucket("credwatch-eu").key("hello.txt")));
            assertThat(seen.code()).isEqualTo("AuthorizationHeaderMalformed");
            assertThat(seen.status()).isEqualTo(400);
            assertThat(seen.message()).isEqualTo(WRONG_REGION);
        }
    }

    @Test
    void theRightRegionWorksAndOtherBucketsStillAcceptAnyRegion() {
        AmazonS3 ireland = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(fake.endpoint(), "eu-west-1"))
                .withCredentials(Clients.v1(KEY_ID, SECRET)).withPathStyleAccessEnabled(true)
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0)).build();
        assertThat(ireland.getObjectAsString("credwatch-eu", "hello.txt")).isEqualTo("hello from Ireland\n");
        assertThat(ireland.getObjectAsString("credwatch-demo", "hello.txt")).startsWith("hello");

        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(fake.endpoint())).region(Region.EU_WEST_1)
                .credentialsProvider(Clients.v2(KEY_ID, SECRET)).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(s3.headBucket(r -> r.bucket("credwatch-eu")).sdkHttpResponse()
                    .firstMatchingHeader("x-amz-bucket-region")).contains("eu-west-1");
        }
    }

    @Test
    void getBucketLocationAnswersFromAnyRegion() {
        AmazonS3 s3 = Clients.v1S3(fake, Clients.v1(KEY_ID, SECRET), false);
        assertThat(s3.getBucketLocation("credwatch-eu")).isEqualTo("eu-west-1");
        try (S3Client v2 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false)) {
            assertThat(v2.getBucketLocation(r -> r.bucket("credwatch-eu")).locationConstraintAsString())
                    .isEqualTo("eu-west-1");
            assertThat(v2.getBucketLocation(r -> r.bucket("credwatch-demo")).locationConstraintAsString()).isEmpty();
        }
    }

    @Test
    void aRawRequestGetsTheRealErrorDocument() throws Exception {
        try (RawHttp http = new RawHttp(fake)) {
            // The region is refused before the clock, the key or the signature are looked at.
            var headers = java.util.Map.of("Host", "127.0.0.1:" + fake.port(), "x-amz-date", "20260101T000000Z",
                    "Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260101/us-east-1/s3/aws4_request, "
                            + "SignedHeaders=host;x-amz-date, Signature=0000");
            RawHttp.Response response = http.send("GET", "/credwatch-eu/hello.txt", headers, new byte[0], 0);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("x-amz-bucket-region")).isEqualTo("eu-west-1");
            assertThat(response.body()).contains("<Error><Code>AuthorizationHeaderMalformed</Code><Message>"
                    + WRONG_REGION + "</Message><Region>eu-west-1</Region><RequestId>"
                    + response.header("x-amz-request-id") + "</RequestId><HostId>");
        }
    }
}
