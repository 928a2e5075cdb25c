package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.memorydb.model.DescribeClustersRequest;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each authentication fault reaches the application as the service's real error code and status,
 * exactly as SDK v1 ({@code getErrorCode()}) and SDK v2 ({@code awsErrorDetails().errorCode()}) parse it.
 */
class AuthenticationFaultsTest {
    private static final String SESSION_KEY = "ASIAFAKESESSION00001";
    private static final String SESSION_SECRET = "sessionSecret0000000000000000000000000000";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLEtoken";
    private static final String EXPIRED_KEY = "ASIAFAKEEXPIRED00001";
    private static final String INVALID = "The security token included in the request is invalid.";
    private static final String EXPIRED = "The security token included in the request is expired";

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @BeforeAll
    static void addSessionKeys() {
        fake.addSessionKey(SESSION_KEY, SESSION_SECRET, TOKEN, fake.now().plus(Duration.ofHours(1)));
        fake.addSessionKey(EXPIRED_KEY, SESSION_SECRET, TOKEN, fake.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void wrongSecretIsASignatureMismatchOnEveryWire() {
        String wrong = "not-the-secret";
        assertThat(Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(KEY_ID, wrong), false).listTopics()))
                .extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("SignatureDoesNotMatch", 403);
        try (var sts = Clients.v2Sts(fake, Clients.v2(KEY_ID, wrong));
             var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, wrong), false);
             var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, wrong), false)) {
            assertThat(Errors.v2(sts::getCallerIdentity)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("SignatureDoesNotMatch", 403);
            assertThat(Errors.v2(sqs::listQueues)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("InvalidSignatureException", 400);
            assertThat(Errors.v2(s3::listBuckets)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("SignatureDoesNotMatch", 403);
        }
        assertThat(Errors.v1(() -> Clients.v1S3(fake, Clients.v1(KEY_ID, wrong), false).listObjectsV2("credwatch-demo")).code())
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(Errors.v1(() -> Clients.v1MemoryDb(fake, Clients.v1(KEY_ID, wrong))
                .describeClusters(new DescribeClustersRequest())).code()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void unknownKeyIsNamedByEachService() {
        String unknown = "AKIAUNKNOWNKEY000001";
        var sts = Errors.v1(() -> Clients.v1Sts(fake, Clients.v1(unknown, SECRET)).getCallerIdentity(new GetCallerIdentityRequest()));
        assertThat(sts).isEqualTo(new Errors.Seen("InvalidClientTokenId", 403, INVALID, "AWSSecurityTokenServiceException"));
        var sqs = Errors.v1(() -> Clients.v1Sqs(fake, Clients.v1(unknown, SECRET), false).listQueues());
        assertThat(sqs).extracting(Errors.Seen::code, Errors.Seen::status, Errors.Seen::message)
                .containsExactly("UnrecognizedClientException", 400, INVALID);
        var s3 = Errors.v1(() -> Clients.v1S3(fake, Clients.v1(unknown, SECRET), false).listObjectsV2("credwatch-demo"));
        assertThat(s3).extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("InvalidAccessKeyId", 403);
        try (var memoryDb = Clients.v2MemoryDb(fake, Clients.v2(unknown, SECRET));
             var sns = Clients.v2Sns(fake, Clients.v2(unknown, SECRET), false)) {
            assertThat(Errors.v2(() -> memoryDb.describeClusters(r -> { })).code()).isEqualTo("UnrecognizedClientException");
            assertThat(Errors.v2(sns::listTopics)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("InvalidClientTokenId", 403);
        }
        assertThat(fake.requests()).anyMatch(r -> r.accessKeyId().equals(unknown) && r.outcome().equals("InvalidAccessKeyId"));
    }

    @Test
    void sessionKeyWithoutItsTokenIsInvalid() {
        var sns = Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(SESSION_KEY, SESSION_SECRET), false).listTopics());
        assertThat(sns).extracting(Errors.Seen::code, Errors.Seen::status, Errors.Seen::message)
                .containsExactly("InvalidClientTokenId", 403, INVALID);
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(SESSION_KEY, SESSION_SECRET), false);
             var s3 = Clients.v2S3(fake, Clients.v2(SESSION_KEY, SESSION_SECRET), false)) {
            assertThat(Errors.v2(sqs::listQueues).code()).isEqualTo("UnrecognizedClientException");
            assertThat(Errors.v2(s3::listBuckets).code()).isEqualTo("InvalidAccessKeyId");
        }
        // with its token the same key works
        assertThat(Clients.v1Sns(fake, Clients.v1(SESSION_KEY, SESSION_SECRET, TOKEN), false).listTopics().getTopics())
                .isNotEmpty();
    }

    @Test
    void wrongTokenIsInvalid() {
        try (var sts = Clients.v2Sts(fake, Clients.v2(SESSION_KEY, SESSION_SECRET, "some-other-token"));
             var s3 = Clients.v2S3(fake, Clients.v2(SESSION_KEY, SESSION_SECRET, "some-other-token"), false)) {
            assertThat(Errors.v2(sts::getCallerIdentity).code()).isEqualTo("InvalidClientTokenId");
            assertThat(Errors.v2(s3::listBuckets)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("InvalidToken", 400);
        }
    }

    @Test
    void expiredSessionIsExpiredToken() {
        var sts = Errors.v1(() -> Clients.v1Sts(fake, Clients.v1(EXPIRED_KEY, SESSION_SECRET, TOKEN))
                .getCallerIdentity(new GetCallerIdentityRequest()));
        assertThat(sts).extracting(Errors.Seen::code, Errors.Seen::status, Errors.Seen::message)
                .containsExactly("ExpiredToken", 403, EXPIRED);
        var sqs = Errors.v1(() -> Clients.v1Sqs(fake, Clients.v1(EXPIRED_KEY, SESSION_SECRET, TOKEN), false).listQueues());
        assertThat(sqs).extracting(Errors.Seen::code, Errors.Seen::status, Errors.Seen::message)
                .containsExactly("ExpiredTokenException", 400, EXPIRED);
        try (var memoryDb = Clients.v2MemoryDb(fake, Clients.v2(EXPIRED_KEY, SESSION_SECRET, TOKEN));
             var s3 = Clients.v2S3(fake, Clients.v2(EXPIRED_KEY, SESSION_SECRET, TOKEN), false)) {
            assertThat(Errors.v2(() -> memoryDb.describeClusters(r -> { })).code()).isEqualTo("ExpiredTokenException");
            assertThat(Errors.v2(s3::listBuckets)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("ExpiredToken", 400);
        }
    }

    @Test
    void aKeyExpiresWhenTheFakesClockPassesItsExpiry() {
        String key = "ASIAFAKESHORTLIVED01";
        fake.addSessionKey(key, SESSION_SECRET, TOKEN, fake.now().plus(Duration.ofMinutes(10)));
        try (var sns = Clients.v2Sns(fake, Clients.v2(key, SESSION_SECRET, TOKEN), false)) {
            assertThat(sns.listTopics().topics()).isNotEmpty();
            fake.setClockOffset(Duration.ofMinutes(11)); // later, but inside the 15-minute signing window
            assertThat(Errors.v2(sns::listTopics).code()).isEqualTo("ExpiredToken");
        }
    }

    @Test
    void removedKeyBecomesUnknown() {
        fake.addLongTermKey("AKIAROTATEDKEY000001", SECRET);
        var sns = Clients.v1Sns(fake, Clients.v1("AKIAROTATEDKEY000001", SECRET), false);
        assertThat(sns.listTopics().getTopics()).isNotEmpty();
        fake.removeKey("AKIAROTATEDKEY000001");
        assertThat(Errors.v1(sns::listTopics).code()).isEqualTo("InvalidClientTokenId");
    }
}
