package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.SDKGlobalTime;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkGlobalTime;

/**
 * The fake's clock runs 15 minutes (plus a margin) ahead of this machine. With retries off, the
 * SDKs surface the skew error; with retries on they correct their clock from the Date header and
 * retry, and only the fake's request log shows the failed first attempt.
 */
class ClockSkewTest {
    private static final Duration AHEAD = Duration.ofMinutes(15).plusSeconds(30);
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    /**
     * Both SDKs keep the last skew correction in a JVM-wide static (v1 {@code SDKGlobalTime}, v2
     * {@code SdkGlobalTime}) that every client built afterwards starts from; v2 records it even when
     * it does not retry. Each test starts and ends with none (the extension resets the fake's clock).
     */
    @BeforeEach
    @AfterEach
    void forgetTheSdksClockCorrection() {
        SDKGlobalTime.setGlobalTimeOffset(0);
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    @Test
    void queryServicesAnswerSignatureExpired() {
        fake.setClockOffset(AHEAD);
        var seen = Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(KEY_ID, SECRET), false).listTopics());
        assertThat(seen.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(seen.status()).isEqualTo(403);
        assertThat(seen.message()).matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z "
                + "\\(\\d{8}T\\d{6}Z - 15 min\\.\\)");
    }

    @Test
    void aFakeClockBehindGivesSignatureNotYetCurrent() {
        fake.setClockOffset(AHEAD.negated());
        try (var sts = Clients.v2Sts(fake, Clients.v2(KEY_ID, SECRET))) {
            var seen = Errors.v2(sts::getCallerIdentity);
            assertThat(seen.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(seen.message()).startsWith("Signature not yet current: ").endsWith(" + 15 min.)");
        }
    }

    @Test
    void s3AnswersRequestTimeTooSkewedAndTheDateHeaderShowsTheFakesClock() {
        fake.setClockOffset(AHEAD);
        try (var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false)) {
            AwsServiceException e = (AwsServiceException) org.assertj.core.api.Assertions.catchThrowable(s3::listBuckets);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestTimeTooSkewed");
            assertThat(e.statusCode()).isEqualTo(403);
            String date = e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date").orElseThrow();
            Instant served = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(served).isCloseTo(Instant.now().plus(AHEAD), within(5, ChronoUnit.SECONDS));
            assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-request-id")).isPresent();
        }
    }

    @Test
    void jsonServicesAnswerInvalidSignatureException() {
        fake.setClockOffset(AHEAD);
        var seen = Errors.v1(() -> Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), false).listQueues());
        assertThat(seen.code()).isEqualTo("InvalidSignatureException");
        assertThat(seen.message()).startsWith("Signature expired: ");
    }

    @Test
    void sdkV1CorrectsItsClockAndRetriesTheFakeSawTheFailedAttempt() {
        fake.setClockOffset(AHEAD);
        var sqs = Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), true);
        assertThat(sqs.listQueues().getQueueUrls()).isNotEmpty();
        var sts = Clients.v1Sts(fake, Clients.v1(KEY_ID, SECRET)); // no retries, but the JVM-wide offset is learned
        assertThat(sts.getCallerIdentity(new GetCallerIdentityRequest()).getAccount()).isEqualTo("123456789012");
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sqs", "InvalidSignatureException"),
                org.assertj.core.groups.Tuple.tuple("sqs", "OK"),
                org.assertj.core.groups.Tuple.tuple("sts", "OK"));
        sqs.shutdown();
        sts.shutdown();
    }

    @Test
    void sdkV2CorrectsItsClockAndRetries() {
        fake.setClockOffset(AHEAD);
        try (var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), true)) {
            assertThat(s3.listBuckets().buckets()).isNotEmpty();
        }
        assertThat(fake.requests()).extracting(FakeRequest::outcome).containsExactly("RequestTimeTooSkewed", "OK");
    }

    @Test
    void aSmallSkewIsAccepted() {
        fake.setClockOffset(Duration.ofMinutes(14));
        try (var sns = Clients.v2Sns(fake, Clients.v2(KEY_ID, SECRET), false)) {
            assertThat(sns.listTopics().topics()).isNotEmpty();
        }
    }
}
