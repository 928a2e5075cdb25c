package dev.credwatch.demo.fakeaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.AnonymousAWSCredentials;
import com.amazonaws.auth.STSAssumeRoleWithWebIdentitySessionCredentialsProvider;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/**
 * STS web identity faults ({@link FakeAws#acceptWebIdentityToken}, {@link FakeAws#expireWebIdentityToken})
 * and {@link FakeAws#throttle}, through both SDKs' web identity providers. They are given an STS
 * client pointed at the fake: the clients they would build themselves call the real STS (SDK v1's
 * also retries {@code InvalidIdentityToken}, which the clients here do not).
 */
class WebIdentityFaultsTest {
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/web";
    private static final String INVALID = "Couldn't retrieve verification key from your identity provider,  "
            + "please reference AssumeRoleWithWebIdentity documentation for requirements";
    private static final String V1_STS = " (Service: AWSSecurityTokenService; Status Code: 400; Error Code: ";
    private static final String V2_STS = " (Service: Sts, Status Code: 400, Request ID: <request-id>) (SDK Attempt Count: ";

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
    private static final FakeAws fake = aws.fake();
    @TempDir
    static Path dir;
    private static Path tokenFile;

    @BeforeAll
    static void placeTheTokenFile() {
        tokenFile = dir.resolve("token");
    }

    /**
     * SDK v1's file-based provider, as its default chain builds it, with an STS client on the fake;
     * {@code retries=true} gives that client SDK v1's default 3 retries.
     */
    private static Failures.Timed<String> v1(String token, boolean retries) {
        write(token);
        var sts = Clients.v1(AWSSecurityTokenServiceClientBuilder.standard(), fake,
                new AWSStaticCredentialsProvider(new AnonymousAWSCredentials()), retries).build();
        return Failures.timed(() -> {
            try (var provider = new STSAssumeRoleWithWebIdentitySessionCredentialsProvider.Builder(ROLE_ARN, "v1-pod",
                    tokenFile.toString()).withStsClient(sts).build()) {
                return provider.getCredentials().getAWSAccessKeyId();
            } finally {
                sts.shutdown();
            }
        });
    }

    /** SDK v2's provider that takes the token itself; {@code retries=false} turns off the client's retries. */
    private static Failures.Timed<String> v2(String token, boolean retries) {
        return Failures.timed(() -> {
            try (StsClient sts = client(retries);
                 var provider = StsAssumeRoleWithWebIdentityCredentialsProvider.builder().stsClient(sts)
                         .refreshRequest(r -> r.roleArn(ROLE_ARN).roleSessionName("v2-pod").webIdentityToken(token))
                         .build()) {
                return provider.resolveCredentials().accessKeyId();
            }
        });
    }

    private static StsClient client(boolean retries) {
        return Clients.v2(StsClient.builder(), fake, AnonymousCredentialsProvider.create(), retries)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    }

    private static void write(String token) {
        try {
            Files.writeString(tokenFile, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> stsLog() {
        return fake.requests().stream().map(r -> r.service() + " " + r.action() + " " + r.status() + " " + r.outcome())
                .toList();
    }

    @Test
    void aRegisteredTokenGetsKeysThatWork() {
        fake.acceptWebIdentityToken("eyJ.good.jwt");
        assertThat(v1("eyJ.good.jwt", false).get()).startsWith("ASIA");
        assertThat(v2("eyJ.good.jwt", false).get()).startsWith("ASIA");
        var anonymous = Clients.v1Sts(fake, new AWSStaticCredentialsProvider(new AnonymousAWSCredentials()));
        try (var provider = new STSAssumeRoleWithWebIdentitySessionCredentialsProvider.Builder(ROLE_ARN, "checked",
                tokenFile.toString()).withStsClient(anonymous).build()) {
            var sts = Clients.v1Sts(fake, provider);
            assertThat(sts.getCallerIdentity(new com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest())
                    .getArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/web/checked");
            sts.shutdown();
        }
        assertThat(stsLog()).containsExactly("sts AssumeRoleWithWebIdentity 200 OK",
                "sts AssumeRoleWithWebIdentity 200 OK", "sts AssumeRoleWithWebIdentity 200 OK",
                "sts GetCallerIdentity 200 OK");
    }

    @Test
    void anUnregisteredTokenIsInvalidIdentityToken() {
        fake.acceptWebIdentityToken("eyJ.good.jwt");
        assertThat(v1("eyJ.other.jwt", true).chain()).containsExactly(
                "com.amazonaws.services.securitytoken.model.InvalidIdentityTokenException: " + INVALID + V1_STS
                        + "InvalidIdentityToken; Request ID: <request-id>; Proxy: null)");
        assertThat(v2("eyJ.other.jwt", true).chain()).containsExactly(
                "software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException: " + INVALID + V2_STS + "1)");
        // SDK v2's token-file provider (what its default chain uses on EKS) throws the same, unwrapped.
        write("eyJ.other.jwt");
        try (StsClient sts = client(true);
             var provider = StsWebIdentityTokenFileCredentialsProvider.builder().stsClient(sts).roleArn(ROLE_ARN)
                     .roleSessionName("file-pod").webIdentityTokenFile(tokenFile).build()) {
            assertThat(Failures.timed(provider::resolveCredentials).chain()).containsExactly(
                    "software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException: " + INVALID + V2_STS
                            + "1)");
        }
        // Neither client retries it, even with retries on.
        assertThat(stsLog()).containsExactly("sts AssumeRoleWithWebIdentity 400 InvalidIdentityToken",
                "sts AssumeRoleWithWebIdentity 400 InvalidIdentityToken",
                "sts AssumeRoleWithWebIdentity 400 InvalidIdentityToken");
    }

    @Test
    void anExpiredTokenIsExpiredTokenException() {
        fake.acceptWebIdentityToken("eyJ.old.jwt");
        fake.expireWebIdentityToken("eyJ.old.jwt");
        String expired = "Token expired: current date/time \\d+ must be before the expiration date/time \\d+";
        assertThat(v1("eyJ.old.jwt", false).chain()).singleElement().asString().matches(
                "com\\.amazonaws\\.services\\.securitytoken\\.model\\.ExpiredTokenException: " + expired
                        + "\\Q (Service: AWSSecurityTokenService; Status Code: 400; Error Code: ExpiredTokenException; "
                        + "Request ID: <request-id>; Proxy: null)\\E");
        assertThat(v2("eyJ.old.jwt", false).chain()).singleElement().asString().matches(
                "software\\.amazon\\.awssdk\\.services\\.sts\\.model\\.ExpiredTokenException: " + expired
                        + "\\Q" + V2_STS + "1)\\E");
        assertThat(stsLog()).containsOnly("sts AssumeRoleWithWebIdentity 400 ExpiredTokenException");
    }

    @Test
    void withoutRegisteredTokensAndAfterResetAnyTokenIsTaken() {
        assertThat(v2("anything", false).get()).startsWith("ASIA");
        fake.acceptWebIdentityToken("eyJ.good.jwt");
        fake.reset();
        assertThat(v1("anything-else", false).get()).startsWith("ASIA");
    }

    @Test
    void throttledWebIdentityIsThrottlingAfterFourAttemptsWithRetries() {
        fake.throttle("sts", "AssumeRoleWithWebIdentity");
        String v1Throttled = "com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: "
                + "Rate exceeded" + V1_STS + "Throttling; Request ID: <request-id>; Proxy: null)";
        String v2Throttled = "software.amazon.awssdk.services.sts.model.StsException: Rate exceeded" + V2_STS;
        assertThat(v1("eyJ.any.jwt", false).chain()).containsExactly(v1Throttled);
        assertThat(v2("eyJ.any.jwt", false).chain()).containsExactly(v2Throttled + "1)");
        assertThat(stsLog()).containsOnly("sts AssumeRoleWithWebIdentity 400 Throttling").hasSize(2);

        // The SDKs' default retries (3) back off for throttling: same exception, about 3 s later.
        fake.clearRequests();
        var v1 = v1("eyJ.any.jwt", true);
        assertThat(v1.chain()).containsExactly(v1Throttled);
        var v2 = v2("eyJ.any.jwt", true);
        assertThat(v2.chain()).containsExactly(v2Throttled + "4)");
        assertThat(stsLog()).hasSize(8);
        assertThat(v1.millis()).isBetween(300L, 15_000L);
        assertThat(v2.millis()).isBetween(300L, 15_000L);
    }

    @Test
    void throttlingEveryStsActionAlsoHitsSignedCalls() {
        fake.throttle("sts", "*");
        var v1 = Errors.v1(() -> Clients.v1Sts(fake, Clients.v1(Clients.KEY_ID, Clients.SECRET))
                .getCallerIdentity(new com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest()));
        assertThat(v1).isEqualTo(new Errors.Seen("Throttling", 400, "Rate exceeded", "AWSSecurityTokenServiceException"));
        try (var sts = Clients.v2Sts(fake, Clients.v2(Clients.KEY_ID, Clients.SECRET))) {
            assertThat(Errors.v2(sts::getCallerIdentity))
                    .isEqualTo(new Errors.Seen("Throttling", 400, "Rate exceeded", "StsException"));
        }
        assertThat(stsLog()).containsOnly("sts GetCallerIdentity 400 Throttling");
        // other services are not throttled
        assertThat(Clients.v1Sqs(fake, Clients.v1(Clients.KEY_ID, Clients.SECRET), false).listQueues()
                .getQueueUrls()).isNotEmpty();
    }
}
