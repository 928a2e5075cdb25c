package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.memorydb.model.DescribeClustersRequest;
import com.amazonaws.services.securitytoken.model.AssumeRoleRequest;
import com.amazonaws.services.securitytoken.model.Credentials;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** A correctly signed request succeeds on every service, from SDK v1 and from SDK v2. */
class SuccessfulCallsTest {
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @Test
    void sqsJsonFromSdkV1() {
        var sqs = Clients.v1Sqs(fake, Clients.v1(KEY_ID, SECRET), false);
        String url = sqs.createQueue("orders-v1").getQueueUrl();
        assertThat(url).isEqualTo(fake.endpoint() + "/123456789012/orders-v1");
        assertThat(sqs.getQueueUrl("orders-v1").getQueueUrl()).isEqualTo(url);
        assertThat(sqs.sendMessage(url, "hello \"v1\" ü").getMessageId()).isNotBlank(); // v1 checks the MD5
        assertThat(sqs.listQueues().getQueueUrls()).contains(url);
        sqs.shutdown();
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::action, FakeRequest::accessKeyId,
                FakeRequest::outcome).contains(org.assertj.core.groups.Tuple.tuple("sqs", "SendMessage", KEY_ID, "OK"));
    }

    @Test
    void sqsJsonFromSdkV2() {
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false)) {
            String url = sqs.createQueue(r -> r.queueName("orders-v2")).queueUrl();
            assertThat(sqs.getQueueUrl(r -> r.queueName("orders-v2")).queueUrl()).isEqualTo(url);
            assertThat(sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello v2")).messageId()).isNotBlank();
            assertThat(sqs.listQueues(r -> r.queueNamePrefix("orders-v")).queueUrls()).contains(url);
        }
    }

    @Test
    void snsFromBothSdks() {
        var v1 = Clients.v1Sns(fake, Clients.v1(KEY_ID, SECRET), false);
        String arn = v1.createTopic("alerts").getTopicArn();
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
        assertThat(v1.publish(arn, "from v1").getMessageId()).isNotBlank();
        v1.shutdown();
        try (var v2 = Clients.v2Sns(fake, Clients.v2(KEY_ID, SECRET), false)) {
            assertThat(v2.listTopics().topics()).extracting(t -> t.topicArn())
                    .contains(arn, "arn:aws:sns:us-east-1:123456789012:credwatch-demo");
            assertThat(v2.publish(r -> r.topicArn(arn).message("from v2")).messageId()).isNotBlank();
        }
    }

    @Test
    void stsCallerIdentityThenAssumeRoleAndUseTheIssuedCredentials() {
        var sts = Clients.v1Sts(fake, Clients.v1(KEY_ID, SECRET));
        var me = sts.getCallerIdentity(new GetCallerIdentityRequest());
        assertThat(me.getAccount()).isEqualTo("123456789012");
        assertThat(me.getArn()).isEqualTo("arn:aws:iam::123456789012:user/credwatch-demo");

        Credentials issued = sts.assumeRole(new AssumeRoleRequest()
                .withRoleArn("arn:aws:iam::123456789012:role/app").withRoleSessionName("s1")).getCredentials();
        assertThat(issued.getAccessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(issued.getExpiration().toInstant())
                .isCloseTo(fake.now().plus(Duration.ofHours(1)), within(5, ChronoUnit.SECONDS));

        var asRole = Clients.v1Sts(fake, Clients.v1(issued.getAccessKeyId(), issued.getSecretAccessKey(),
                issued.getSessionToken()));
        assertThat(asRole.getCallerIdentity(new GetCallerIdentityRequest()).getArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/app/s1");
        sts.shutdown();
        asRole.shutdown();
    }

    @Test
    void sdkV2AssumeRoleProviderAndGetSessionTokenHonourTheConfiguredLifetime() {
        fake.issuedCredentialLifetime(Duration.ofMinutes(20));
        try (var sts = Clients.v2Sts(fake, Clients.v2(KEY_ID, SECRET));
             var provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                     .refreshRequest(r -> r.roleArn("arn:aws:iam::123456789012:role/app").roleSessionName("v2")).build();
             var sns = Clients.v2Sns(fake, provider, false)) {
            assertThat(sns.listTopics().topics()).isNotEmpty();
            var used = (AwsSessionCredentials) provider.resolveCredentials();
            assertThat(used.expirationTime()).hasValueSatisfying(expiry ->
                    assertThat(expiry).isCloseTo(fake.now().plus(Duration.ofMinutes(20)), within(5, ChronoUnit.SECONDS)));
            assertThat(fake.requests()).anyMatch(r -> r.service().equals("sns") && r.succeeded()
                    && r.accessKeyId().equals(used.accessKeyId()));

            var session = sts.getSessionToken().credentials();
            assertThat(session.expiration()).isCloseTo(fake.now().plus(Duration.ofMinutes(20)), within(5, ChronoUnit.SECONDS));
        }
    }

    @Test
    @SuppressWarnings("deprecation") // AmazonS3.listBuckets(): the unpaginated call older applications make
    void s3FromSdkV1() {
        var s3 = Clients.v1S3(fake, Clients.v1(KEY_ID, SECRET), false);
        assertThat(s3.listBuckets()).extracting(b -> b.getName()).contains("credwatch-demo");
        assertThat(s3.getObjectAsString("credwatch-demo", "hello.txt")).isEqualTo("hello from the fake AWS endpoint\n");
        s3.putObject("credwatch-demo", "dir/v1 file.txt", "written by v1"); // aws-chunked upload over http
        assertThat(s3.getObjectAsString("credwatch-demo", "dir/v1 file.txt")).isEqualTo("written by v1");
        assertThat(s3.listObjectsV2("credwatch-demo", "dir/").getObjectSummaries())
                .extracting(o -> o.getKey()).containsExactly("dir/v1 file.txt");
        s3.shutdown();
    }

    @Test
    void s3FromSdkV2() {
        try (var s3 = Clients.v2S3(fake, Clients.v2(KEY_ID, SECRET), false)) {
            s3.headBucket(r -> r.bucket("credwatch-demo"));
            s3.putObject(r -> r.bucket("credwatch-demo").key("v2/data.bin"), RequestBody.fromString("written by v2"));
            assertThat(s3.getObjectAsBytes(r -> r.bucket("credwatch-demo").key("v2/data.bin")).asString(StandardCharsets.UTF_8))
                    .isEqualTo("written by v2");
            assertThat(s3.listObjectsV2(r -> r.bucket("credwatch-demo").prefix("v2/")).contents())
                    .extracting(o -> o.key()).containsExactly("v2/data.bin");
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("credwatch-demo");
        }
    }

    @Test
    void memoryDbFromBothSdks() {
        var v1 = Clients.v1MemoryDb(fake, Clients.v1(KEY_ID, SECRET));
        assertThat(v1.describeClusters(new DescribeClustersRequest()).getClusters())
                .extracting(c -> c.getName()).containsExactly("credwatch-demo");
        v1.shutdown();
        try (var v2 = Clients.v2MemoryDb(fake, Clients.v2(KEY_ID, SECRET))) {
            assertThat(v2.describeClusters(r -> r.clusterName("credwatch-demo")).clusters())
                    .extracting(c -> c.status()).containsExactly("available");
        }
        assertThat(fake.requests()).filteredOn(r -> r.service().equals("memorydb"))
                .extracting(FakeRequest::action).containsOnly("DescribeClusters");
    }

    @Test
    void responsesCarryTheDateOfTheFakesClock() {
        Instant before = Instant.now();
        fake.setClockOffset(Duration.ofMinutes(3)); // inside the 15-minute window: calls still succeed
        try (var sqs = Clients.v2Sqs(fake, Clients.v2(KEY_ID, SECRET), false)) {
            var response = sqs.listQueues();
            String date = response.sdkHttpResponse().firstMatchingHeader("Date").orElseThrow();
            Instant served = java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(served).isCloseTo(before.plus(Duration.ofMinutes(3)), within(5, ChronoUnit.SECONDS));
            assertThat(response.responseMetadata().requestId()).isNotBlank();
        }
    }
}
