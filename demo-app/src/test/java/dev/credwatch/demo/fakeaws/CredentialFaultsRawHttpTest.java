package dev.credwatch.demo.fakeaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The credential-endpoint and STS faults on the wire, without an SDK in between. */
class CredentialFaultsRawHttpTest {
    private static final String TOKEN = "/latest/api/token";
    private static final String ROLES = "/latest/meta-data/iam/security-credentials/";
    private static final Map<String, String> TTL = Map.of("x-aws-ec2-metadata-token-ttl-seconds", "21600");
    private static final byte[] NONE = new byte[0];

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start();
    private static final FakeAws fake = aws.fake();

    @Test
    void anUnansweredTokenPutHoldsOnlyItsOwnConnection() throws Exception {
        fake.imdsTokenUnanswered();
        try (RawHttp held = new RawHttp(fake).readTimeout(700)) {
            assertThatThrownBy(() -> held.send("PUT", TOKEN, TTL, NONE, 0)).isInstanceOf(SocketTimeoutException.class);
            long start = System.nanoTime();
            assertThat(aws.send("GET", ROLES, Map.of()).body()).isEqualTo(fake.instanceProfileRoleName());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
        assertThat(fake.requests()).extracting(FakeRequest::action, FakeRequest::status, FakeRequest::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GetToken", 0, "Unanswered"),
                        org.assertj.core.groups.Tuple.tuple("ListRoles", 200, FakeRequest.OK));
    }

    @Test
    void closingTheFakeReleasesAHeldRequestAtOnce() throws Exception {
        FakeAws other = FakeAws.start();
        other.imdsTokenUnanswered();
        try (RawHttp held = new RawHttp(other)) {
            Thread closer = new Thread(() -> {
                sleep(300);
                other.close();
            });
            closer.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> held.send("PUT", TOKEN, TTL, NONE, 0)).isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            closer.join(5_000);
        }
    }

    @Test
    void aRefusedTokenAnswersTheStatusAndLeavesImdsV1Working() throws Exception {
        fake.imdsTokenRefused(405);
        var refused = aws.send("PUT", TOKEN, TTL);
        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.body()).isEqualTo("Method Not Allowed");
        assertThat(aws.send("GET", ROLES, Map.of()).status()).isEqualTo(200);
        assertThat(fake.requests()).extracting(FakeRequest::outcome).containsExactly("TokenRefused", FakeRequest.OK);
    }

    @Test
    void noRoleAnswers404ForTheListingAndTheRole() throws Exception {
        fake.imdsNoRole();
        assertThat(aws.send("PUT", TOKEN, TTL).status()).isEqualTo(200);
        assertThat(aws.send("GET", ROLES, Map.of()).status()).isEqualTo(404);
        assertThat(aws.send("GET", ROLES + fake.instanceProfileRoleName(), Map.of()).status()).isEqualTo(404);
        assertThat(fake.requests()).extracting(FakeRequest::action, FakeRequest::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GetToken", FakeRequest.OK),
                org.assertj.core.groups.Tuple.tuple("ListRoles", "NotFound"),
                org.assertj.core.groups.Tuple.tuple("GetCredentials", "NotFound"));
    }

    @Test
    void throttledImdsAnswers429EvenForTheToken() throws Exception {
        fake.imdsThrottled();
        assertThat(aws.send("PUT", TOKEN, TTL).status()).isEqualTo(429);
        assertThat(aws.send("GET", ROLES, Map.of()).status()).isEqualTo(429);
        assertThat(fake.requests()).allMatch(r -> r.service().equals("imds") && r.outcome().equals("TooManyRequests"));
    }

    @Test
    void aFailingContainerEndpointAnswersCodeAndMessage() throws Exception {
        fake.containerFails(503);
        var response = aws.send("GET", "/container-credentials", Map.of());
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(
                "{\"code\":\"ServiceUnavailable\",\"message\":\"Credentials are unavailable: the endpoint answered 503\"}");
        assertThat(fake.requests()).singleElement().extracting(FakeRequest::service, FakeRequest::outcome)
                .containsExactly("container", "ServiceUnavailable");
        assertThatThrownBy(() -> fake.containerFails(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCredentialsDelayDelaysOnlyTheCredentials() throws Exception {
        fake.credentialsDelay(Duration.ofMillis(600));
        for (String path : new String[] {ROLES + fake.instanceProfileRoleName(), "/container-credentials"}) {
            long start = System.nanoTime();
            assertThat(aws.send("GET", path, Map.of()).status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        long start = System.nanoTime();
        aws.send("PUT", TOKEN, TTL);
        aws.send("GET", ROLES, Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void webIdentityFaultsAreQueryXmlErrors() throws Exception {
        fake.acceptWebIdentityToken("good");
        fake.expireWebIdentityToken("old");
        assertThat(assumeRoleWithWebIdentity("good").status()).isEqualTo(200);
        var invalid = assumeRoleWithWebIdentity("forged");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("<Type>Sender</Type><Code>InvalidIdentityToken</Code>"
                + "<Message>Couldn't retrieve verification key from your identity provider,  please reference "
                + "AssumeRoleWithWebIdentity documentation for requirements</Message>");
        var expired = assumeRoleWithWebIdentity("old");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).containsPattern("<Code>ExpiredTokenException</Code><Message>Token expired: current "
                + "date/time (\\d+) must be before the expiration date/time (\\d+)</Message>");
        fake.throttle("sts", "AssumeRoleWithWebIdentity");
        var throttled = assumeRoleWithWebIdentity("good");
        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.body()).contains("<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>");
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sts", FakeRequest.OK),
                org.assertj.core.groups.Tuple.tuple("sts", "InvalidIdentityToken"),
                org.assertj.core.groups.Tuple.tuple("sts", "ExpiredTokenException"),
                org.assertj.core.groups.Tuple.tuple("sts", "Throttling"));
    }

    private static RawHttp.Response assumeRoleWithWebIdentity(String token) throws IOException {
        byte[] form = ("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012"
                + "%3Arole%2Fweb&RoleSessionName=raw&WebIdentityToken=" + token).getBytes(StandardCharsets.UTF_8);
        return aws.send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
