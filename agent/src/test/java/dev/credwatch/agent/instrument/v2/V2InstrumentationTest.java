package dev.credwatch.agent.instrument.v2;

import com.sun.net.httpserver.HttpServer;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ExpiryRegistry;
import dev.credwatch.agent.instrument.InstrumentedTestJvm;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.ObservationPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v2 instrumentation in this JVM, against a canned STS endpoint: what it observes of real sync and async calls. */
class V2InstrumentationTest {
    private static final String SESSION_EXPIRY = "2031-01-02T03:04:05Z";
    private static final String CALLER_IDENTITY = "<GetCallerIdentityResponse><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::1:user/a</Arn><UserId>A</UserId><Account>1</Account></GetCallerIdentityResult>"
            + "</GetCallerIdentityResponse>";
    private static final String INVALID_TOKEN = "<ErrorResponse><Error><Type>Sender</Type>"
            + "<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid."
            + "</Message></Error><RequestId>req-error-1</RequestId></ErrorResponse>";
    private static final List<CallObservation> OBSERVED = new CopyOnWriteArrayList<>();
    private static final Queue<String[]> REPLIES = new ConcurrentLinkedQueue<>();
    private static HttpServer sts;

    @BeforeAll
    static void instrumentAndServe() throws IOException {
        InstrumentedTestJvm.install();
        ObservationPipeline.install(observed -> {
            if (observed instanceof CallObservation) {
                OBSERVED.add((CallObservation) observed);
            }
        });
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] reply = REPLIES.poll();
            int status = reply == null ? 500 : Integer.parseInt(reply[0]);
            byte[] body = (reply == null ? "<ErrorResponse/>" : reply[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-RequestId", status == 200 ? "req-ok-1" : "req-error-1");
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
    }

    @AfterAll
    static void stop() {
        ObservationPipeline.install(null);
        sts.stop(0);
    }

    @BeforeEach
    void reset() {
        OBSERVED.clear();
        REPLIES.clear();
    }

    @Test
    void observesASuccessfulSyncCallWithItsCredentialsAndRequestId() {
        reply(200, CALLER_IDENTITY);

        try (StsClient client = syncClient(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))) {
            client.getCallerIdentity();
        }

        assertThat(OBSERVED).hasSize(1);
        CallObservation call = OBSERVED.get(0);
        assertThat(call.sdk()).isEqualTo("v2");
        assertThat(call.service()).isEqualTo("STS");
        assertThat(call.operation()).isEqualTo("GetCallerIdentity");
        assertThat(call.region()).isEqualTo("us-east-1");
        assertThat(call.endpointHost()).isEqualTo("127.0.0.1");
        assertThat(call.httpStatus()).isEqualTo(200);
        assertThat(call.requestId()).isEqualTo("req-ok-1");
        assertThat(call.failed()).isFalse();
        assertThat(call.attempts()).isEqualTo(1);
        assertThat(call.clockSkewSeconds()).isBetween(-2L, 2L);
        assertThat(call.credentials().provider()).isEqualTo("StaticCredentialsProvider");
        assertThat(call.credentials().source()).isEqualTo(CredentialSource.STATIC);
        assertThat(call.credentials().kind()).isEqualTo(CredentialKind.LONG_TERM);
        assertThat(call.credentials().accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(call.credentials().isRefreshed()).isFalse();
    }

    @Test
    void observesTheServiceErrorAnAsyncCallCompletesWith() {
        reply(403, INVALID_TOKEN);

        try (StsAsyncClient client = asyncClient(StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAIOSFODNN7EXAMPLE", "secret", "token")))) {
            assertThatThrownBy(() -> client.getCallerIdentity().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StsException.class);
        }

        assertThat(OBSERVED).hasSize(1);
        CallObservation call = OBSERVED.get(0);
        assertThat(call.failed()).isTrue();
        assertThat(call.errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(call.httpStatus()).isEqualTo(403);
        assertThat(call.requestId()).isEqualTo("req-error-1");
        assertThat(call.errorMessage()).isEqualTo("The security token included in the request is invalid.");
        assertThat(call.exceptionClass()).isEqualTo(StsException.class.getName());
        assertThat(call.attempts()).isEqualTo(1);
        assertThat(call.failedAttempts()).isEmpty();
        assertThat(call.credentials().kind()).isEqualTo(CredentialKind.TEMPORARY);
        assertThat(call.credentials().source()).isEqualTo(CredentialSource.STATIC);
    }

    @Test
    void keepsTheAttemptsThatARetryHidSyncAndAsync() {
        reply(500, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>boom</Message></Error></ErrorResponse>");
        reply(200, CALLER_IDENTITY);
        reply(500, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>boom</Message></Error></ErrorResponse>");
        reply(200, CALLER_IDENTITY);
        AwsCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "s"));

        try (StsClient sync = syncClient(keys); StsAsyncClient async = asyncClient(keys)) {
            sync.getCallerIdentity();
            async.getCallerIdentity().join();
        }

        assertThat(OBSERVED).hasSize(2).allSatisfy(call -> {
            assertThat(call.failed()).isFalse();
            assertThat(call.attempts()).isEqualTo(2);
            assertThat(call.failedAttempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.errorCode()).isEqualTo("InternalFailure");
                assertThat(attempt.httpStatus()).isEqualTo(500);
                assertThat(attempt.clockSkewSeconds()).isBetween(-2L, 2L);
            });
        });
    }

    @Test
    void learnsTheExpiryOfKeysThatStsIssues() {
        reply(200, "<GetSessionTokenResponse><GetSessionTokenResult><Credentials>"
                + "<AccessKeyId>ASIALEARNEDV2EXAMPLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                + "<SessionToken>t</SessionToken><Expiration>" + SESSION_EXPIRY + "</Expiration>"
                + "</Credentials></GetSessionTokenResult></GetSessionTokenResponse>");
        reply(200, CALLER_IDENTITY);

        try (StsClient longTerm = syncClient(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "s")));
             StsClient session = syncClient(StaticCredentialsProvider.create(
                     AwsSessionCredentials.create("ASIALEARNEDV2EXAMPLE", "s", "t")))) {
            longTerm.getSessionToken();
            session.getCallerIdentity();
        }

        assertThat(ExpiryRegistry.shared().expiryOf("ASIALEARNEDV2EXAMPLE")).isEqualTo(Instant.parse(SESSION_EXPIRY));
        assertThat(OBSERVED.get(1).credentials().expiresAt()).isEqualTo(Instant.parse(SESSION_EXPIRY));
    }

    @Test
    void namesTheIssuingProviderFromTheCredentialsWhenTheConfiguredOneIsUnknown() {
        reply(200, CALLER_IDENTITY);
        StaticCredentialsProvider inner = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "s"));
        AwsCredentialsProvider custom = new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return inner.resolveCredentials();
            }
        };

        try (StsClient client = syncClient(custom)) {
            client.getCallerIdentity();
        }

        assertThat(OBSERVED.get(0).credentials().provider()).isEqualTo("StaticCredentialsProvider");
        assertThat(OBSERVED.get(0).credentials().source()).isEqualTo(CredentialSource.STATIC);
    }

    @Test
    void observesAChainWithNoCredentialsBeforeAnyRequestIsSent() {
        AwsCredentialsProvider none = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create());

        try (StsClient client = syncClient(none)) {
            assertThatThrownBy(client::getCallerIdentity).isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Unable to load credentials");
        }

        assertThat(OBSERVED).hasSize(1);
        CallObservation call = OBSERVED.get(0);
        assertThat(call.failed()).isTrue();
        assertThat(call.errorCode()).isNull();
        assertThat(call.errorMessage()).contains("Unable to load credentials from any of the providers in the chain");
        assertThat(call.service()).isEqualTo("STS");
        assertThat(call.operation()).isEqualTo("GetCallerIdentity");
        assertThat(sts.getAddress()).isNotNull();
    }

    private static void reply(int status, String body) {
        REPLIES.add(new String[] {Integer.toString(status), body});
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + sts.getAddress().getPort());
    }

    private static StsClient syncClient(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create()).credentialsProvider(credentials).build();
    }

    private static StsAsyncClient asyncClient(AwsCredentialsProvider credentials) {
        return StsAsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .httpClient(NettyNioAsyncHttpClient.create()).credentialsProvider(credentials).build();
    }
}
