package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/** The HTTP and protocol details that no SDK test above exercises on its own. */
class WireFormatTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @Test
    void queryProtocolSqsOverOneKeepAliveConnectionWithAChunkedBody() throws Exception {
        try (RawHttp http = new RawHttp(fake)) {
            RawHttp.Response created = post(http, "sqs", "/", "Action=CreateQueue&QueueName=legacy&Version=2012-11-05", 0);
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body()).contains("<QueueUrl>" + fake.endpoint() + "/123456789012/legacy</QueueUrl>")
                    .contains("<RequestId>" + created.header("x-amzn-RequestId") + "</RequestId>");

            // old clients post SendMessage to the queue URL; this body arrives in 7-byte chunks
            RawHttp.Response sent = post(http, "sqs", "/123456789012/legacy",
                    "Action=SendMessage&MessageBody=hello+legacy+world&Version=2012-11-05", 7);
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body()).contains("<MD5OfMessageBody>" + md5("hello legacy world") + "</MD5OfMessageBody>");

            RawHttp.Response missing = post(http, "sqs", "/", "Action=GetQueueUrl&QueueName=nope&Version=2012-11-05", 0);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("<Type>Sender</Type>")
                    .contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>");
        }
    }

    @Test
    void signatureOverAChunkedBodyCoversTheWholeBody() throws Exception {
        byte[] body = "Action=ListTopics&Version=2010-03-31".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = RawHttp.sign(fake, "sns", "/", FORM, body, KEY_ID, SECRET);
        try (RawHttp http = new RawHttp(fake)) {
            assertThat(http.send("POST", "/", headers, body, 5).status()).isEqualTo(200);
            byte[] tampered = "Action=ListTopics&Version=2010-03-32".getBytes(StandardCharsets.UTF_8);
            RawHttp.Response rejected = http.send("POST", "/", headers, tampered, 5);
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void everyResponseCarriesTheFakesDate() throws Exception {
        fake.setClockOffset(Duration.ofHours(-2));
        try (RawHttp http = new RawHttp(fake)) {
            RawHttp.Response unsigned = http.send("POST", "/", Map.of("Host", "127.0.0.1", "Content-Type", FORM),
                    "Action=ListTopics".getBytes(StandardCharsets.UTF_8), 0);
            assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
            RawHttp.Response imds = http.send("PUT", "/latest/api/token",
                    Map.of("Host", "127.0.0.1", "x-aws-ec2-metadata-token-ttl-seconds", "60"), new byte[0], 0);
            assertThat(imds.status()).isEqualTo(200);
            for (RawHttp.Response r : new RawHttp.Response[] {unsigned, imds}) {
                assertThat(date(r)).isCloseTo(Instant.now().minus(Duration.ofHours(2)), within(5, ChronoUnit.SECONDS));
            }
        }
        try (RawHttp http = new RawHttp(fake)) {
            RawHttp.Response garbage = http.sendRaw("NONSENSE\r\n\r\n");
            assertThat(garbage.status()).isEqualTo(400);
            assertThat(date(garbage)).isCloseTo(Instant.now().minus(Duration.ofHours(2)), within(5, ChronoUnit.SECONDS));
        }
    }

    @Test
    void imdsRefusesAnUnknownSessionTokenAndABadTtl() throws Exception {
        try (RawHttp http = new RawHttp(fake)) {
            var badTtl = http.send("PUT", "/latest/api/token", Map.of("x-aws-ec2-metadata-token-ttl-seconds", "0"),
                    new byte[0], 0);
            assertThat(badTtl.status()).isEqualTo(400);
            var forged = http.send("GET", "/latest/meta-data/iam/security-credentials/",
                    Map.of("x-aws-ec2-metadata-token", "forged"), new byte[0], 0);
            assertThat(forged.status()).isEqualTo(401);
            var v1Style = http.send("GET", "/latest/meta-data/iam/security-credentials/", Map.of(), new byte[0], 0);
            assertThat(v1Style.body()).isEqualTo(fake.instanceProfileRoleName());
        }
    }

    @Test
    void webIdentityIsUnsignedAndItsCredentialsWork(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.any.jwt");
        try (var anonymous = Clients.v2Sts(fake, AnonymousCredentialsProvider.create());
             var provider = StsWebIdentityTokenFileCredentialsProvider.builder().stsClient(anonymous)
                     .roleArn("arn:aws:iam::123456789012:role/web").roleSessionName("pod")
                     .webIdentityTokenFile(tokenFile).build();
             var sts = Clients.v2Sts(fake, provider)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/web/pod");
        }
        assertThat(fake.requests()).anyMatch(r -> r.action().equals("AssumeRoleWithWebIdentity")
                && r.accessKeyId() == null && r.succeeded());
    }

    @Test
    void closeStopsListeningAndDropsOpenConnections() throws Exception {
        FakeAws other = FakeAws.start();
        RawHttp open = new RawHttp(other);
        other.close();
        assertThatThrownBy(() -> open.send("GET", "/", Map.of(), new byte[0], 0)).isInstanceOf(java.io.IOException.class);
        try (java.net.Socket reused = new java.net.Socket("127.0.0.1", other.port())) {
            // Another process on this machine got the freed port at once: nothing can be concluded.
            org.junit.jupiter.api.Assumptions.abort("port " + other.port() + " was taken again at once: " + reused);
        } catch (java.net.ConnectException expected) {
            // Nobody listens there any more.
        }
    }

    private static RawHttp.Response post(RawHttp http, String service, String path, String form, int chunkSize)
            throws Exception {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return http.send("POST", path, RawHttp.sign(fake, service, path, FORM, body, KEY_ID, SECRET), body, chunkSize);
    }

    private static Instant date(RawHttp.Response response) {
        return ZonedDateTime.parse(response.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
