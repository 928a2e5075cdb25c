package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.memorydb.model.DescribeClustersRequest;
import com.amazonaws.services.securitytoken.model.AssumeRoleRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults switched on between calls: denied actions, throttling and service-specific key rejections. */
class RuntimeFaultsTest {
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @Test
    void deniedActionsAreRefusedWithEachServicesAccessDeniedCode() {
        fake.deny("sqs", "SendMessage");
        fake.deny("sts", "AssumeRole");
        fake.deny("s3", "GetObject");
        fake.deny("memorydb", "*");
        fake.deny("sns", "Publish");
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false);
             var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false);
             var memoryDb = Clients.v2MemoryDb(fake, Clients.v2(KEY_ID, SECRET))) {
            String url = sqs.getQueueUrl(r -> r.queueName("credwatch-demo")).queueUrl(); // still allowed
            assertThat(Errors.v2(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x"))))
                    .extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("AccessDeniedException", 403);
            assertThat(Errors.v2(() -> s3.getObjectAsBytes(r -> r.bucket("credwatch-demo").key("hello.txt"))))
                    .extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("AccessDenied", 403);
            assertThat(Errors.v2(() -> memoryDb.describeClusters(r -> { })).code()).isEqualTo("AccessDeniedException");
        }
        var sts = Clients.v1Sts(fake, Clients.v1(KEY_ID, SECRET));
        var seen = Errors.v1(() -> sts.assumeRole(new AssumeRoleRequest()
                .withRoleArn("arn:aws:iam::123456789012:role/app").withRoleSessionName("x")));
        assertThat(seen).extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("AccessDenied", 403);
        assertThat(seen.message()).contains("is not authorized to perform: sts:AssumeRole");
        // SNS's own name for a denied action
        assertThat(Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(KEY_ID, SECRET), false)
                .publish("arn:aws:sns:us-east-1:123456789012:credwatch-demo", "m")).code()).isEqualTo("AuthorizationError");

        fake.allow("sqs", "SendMessage");
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false)) {
            String url = sqs.getQueueUrl(r -> r.queueName("credwatch-demo")).queueUrl();
            assertThat(sqs.sendMessage(r -> r.queueUrl(url).messageBody("x")).messageId()).isNotBlank();
        }
    }

    @Test
    void throttledActionsAnswerInEachServicesWireFormat() {
        fake.throttle("sqs", "ListQueues");
        fake.throttle("s3", "*");
        fake.throttle("memorydb", "DescribeClusters");
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false);
             var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false);
             var memoryDb = Clients.v2MemoryDb(fake, Clients.v2(KEY_ID, SECRET))) {
            assertThat(Errors.v2(sqs::listQueues)).extracting(Errors.Seen::code, Errors.Seen::status,
                    Errors.Seen::message).containsExactly("ThrottlingException", 400, "Rate exceeded");
            assertThat(sqs.getQueueUrl(r -> r.queueName("credwatch-demo")).queueUrl()).isNotBlank();
            assertThat(Errors.v2(s3::listBuckets)).extracting(Errors.Seen::code, Errors.Seen::status)
                    .containsExactly("SlowDown", 503);
            assertThat(Errors.v2(() -> memoryDb.describeClusters(r -> { })).code()).isEqualTo("ThrottlingException");
        }
        assertThat(Errors.v1(() -> Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), false).listQueues()))
                .extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("ThrottlingException", 400);
    }

    @Test
    void snsInvalidSecurityReachesSdkV1AsInvalidSecurityException() {
        fake.rejectAs("sns", KEY_ID, "InvalidSecurity");
        var seen = Errors.v1(() -> Clients.v1Sns(fake, Clients.v1(KEY_ID, SECRET), false).listTopics());
        assertThat(seen.exceptionClass()).isEqualTo("InvalidSecurityException");
        assertThat(seen.code()).isEqualTo("InvalidSecurity");
        assertThat(seen.status()).isEqualTo(403);
        try (var sns = Clients.v2Sns(fake, Clients.v2(KEY_ID, SECRET), false)) {
            var v2 = Errors.v2(sns::listTopics);
            assertThat(v2.exceptionClass()).isEqualTo("InvalidSecurityException");
            assertThat(v2.code()).isEqualTo("InvalidSecurity");
        }
        // other services still accept the key
        assertThat(Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), false).listQueues().getQueueUrls()).isNotEmpty();
    }

    @Test
    void memoryDbRejectsAKeyWithInvalidCredentialsException() {
        fake.rejectAs("memorydb", "*", "InvalidCredentialsException");
        var seen = Errors.v1(() -> Clients.v1MemoryDb(fake, Clients.v1(KEY_ID, SECRET))
                .describeClusters(new DescribeClustersRequest()));
        assertThat(seen).extracting(Errors.Seen::code, Errors.Seen::status, Errors.Seen::exceptionClass)
                .containsExactly("InvalidCredentialsException", 400, "InvalidCredentialsException");
        try (var memoryDb = Clients.v2MemoryDb(fake, Clients.v2(KEY_ID, SECRET))) {
            assertThat(Errors.v2(() -> memoryDb.describeClusters(r -> { })).exceptionClass())
                    .isEqualTo("InvalidCredentialsException");
            fake.stopRejecting("memorydb", "*");
            assertThat(memoryDb.describeClusters(r -> { }).clusters()).hasSize(1);
        }
    }

    @Test
    void serviceErrorsKeepTheirQueryCompatibleCode() {
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false)) {
            var seen = Errors.v2(() -> sqs.getQueueUrl(r -> r.queueName("missing")));
            assertThat(seen.exceptionClass()).isEqualTo("QueueDoesNotExistException");
            assertThat(seen.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        }
        var v1 = Errors.v1(() -> Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), false).getQueueUrl("missing"));
        assertThat(v1.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        try (var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false)) {
            assertThat(Errors.v2(() -> s3.getObjectAsBytes(r -> r.bucket("credwatch-demo").key("nope"))))
                    .extracting(Errors.Seen::code, Errors.Seen::status).containsExactly("NoSuchKey", 404);
        }
    }
}
