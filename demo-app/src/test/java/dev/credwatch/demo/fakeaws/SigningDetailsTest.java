package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.Clients.KEY_ID;
import static dev.credwatch.demo.fakeaws.Clients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.securitytoken.model.GetSessionTokenRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SigV4 canonicalization details, checked against AWS's published vector and SDK v1's own signer. */
class SigningDetailsTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();

    @Test
    void verifierMatchesTheAwsSigV4TestSuiteGetVanillaVector() {
        var request = new HttpRequest("GET", "/", "", Map.of("host", List.of("example.amazonaws.com"),
                "x-amz-date", List.of("20150830T123600Z")), new byte[0]);
        var auth = SigV4Authorization.parse("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                + "aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThat(new SigV4Verifier().verify(request, auth, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").matches()).isTrue();
        assertThat(new SigV4Verifier().verify(request, auth, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEX").matches()).isFalse();
    }

    @Test
    void servicesOtherThanS3SignTheirPathEncodedTwice() throws Exception {
        byte[] body = "Action=SendMessage&MessageBody=x&Version=2012-11-05".getBytes(StandardCharsets.UTF_8);
        // SDK v1 requests carry the wire-encoded path (odd%20name); AWS4Signer encodes it again
        // (odd%2520name) for every service but S3, and so must the verifier.
        Map<String, String> headers = RawHttp.sign(fake, "sqs", "/123456789012/odd%20name", FORM, body, KEY_ID, SECRET);
        try (RawHttp http = new RawHttp(fake)) {
            RawHttp.Response response = http.send("POST", "/123456789012/odd%20name", headers, body, 0);
            assertThat(response.body()).contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>"); // signature passed
        }
    }

    @Test
    void onlyTheHeadersTheClientSignedAreChecked() throws Exception {
        byte[] body = "Action=ListTopics&Version=2010-03-31".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = RawHttp.sign(fake, "sns", "/", FORM, body, KEY_ID, SECRET);
        try (RawHttp http = new RawHttp(fake)) {
            Map<String, String> extra = new LinkedHashMap<>(signed);
            extra.put("X-Unsigned-Proxy-Header", "added on the way");
            assertThat(http.send("POST", "/", extra, body, 0).status()).isEqualTo(200);

            Map<String, String> changed = new LinkedHashMap<>(signed);
            changed.put("Content-Type", "application/x-www-form-urlencoded");
            RawHttp.Response response = http.send("POST", "/", changed, body, 0);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void secretsListsRegisteredAndIssuedSecretsAndTokens() {
        var sts = Clients.v1Sts(fake, Clients.v1(KEY_ID, SECRET));
        var issued = sts.getSessionToken(new GetSessionTokenRequest()).getCredentials();
        sts.shutdown();
        assertThat(fake.secrets()).contains(SECRET, issued.getSecretAccessKey(), issued.getSessionToken())
                .doesNotContain(KEY_ID, issued.getAccessKeyId());
    }
}
