package dev.credwatch.agent.instrument.v1;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.securitytoken.AWSSecurityTokenService;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.services.securitytoken.model.GetSessionTokenRequest;
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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v1 instrumentation in this JVM, against a canned STS endpoint: what it observes of real SDK calls. */
class V1InstrumentationTest {
    private static final String SESSION_EXPIRY = "2031-01-02T03:04:05Z";
    private static final List<CallObservation> OBSERVED = new CopyOnWriteArrayList<>();
    private static HttpServer sts;
    private static volatile String nextReply;

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
            String reply = nextReply;
            boolean error = reply.startsWith("<ErrorResponse");
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-RequestId", error ? "req-error-1" : "req-ok-1");
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(error ? 403 : 200, body.length);
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
    }

    @Test
    void observesASuccessfulCallWithItsCredentialsAndRequestId() {
        nextReply = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/a</Arn>"
                + "<UserId>A</UserId><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";

        client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "secret")).getCallerIdentity(new GetCallerIdentityRequest());

        assertThat(OBSERVED).hasSize(1);
        CallObservation call = OBSERVED.get(0);
        assertThat(call.sdk()).isEqualTo("v1");
        assertThat(call.service()).isEqualTo("STS");
        assertThat(call.operation()).isEqualTo("GetCallerIdentity");
        assertThat(call.region()).isEqualTo("us-east-1");
        assertThat(call.endpointHost()).isEqualTo("127.0.0.1");
        assertThat(call.httpStatus()).isEqualTo(200);
        assertThat(call.requestId()).isEqualTo("req-ok-1");
        assertThat(call.failed()).isFalse();
        assertThat(call.clockSkewSeconds()).isBetween(-2L, 2L);
        assertThat(call.credentials().provider()).isEqualTo("AWSStaticCredentialsProvider");
        assertThat(call.credentials().source()).isEqualTo(CredentialSource.STATIC);
        assertThat(call.credentials().kind()).isEqualTo(CredentialKind.LONG_TERM);
        assertThat(call.credentials().accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(call.credentials().isRefreshed()).isFalse();
    }

    @Test
    void observesTheServiceErrorTheApplicationSees() {
        nextReply = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                + "<Message>The security token included in the request is invalid.</Message></Error>"
                + "<RequestId>req-error-1</RequestId></ErrorResponse>";

        assertThatThrownBy(() -> client(new BasicSessionCredentials("ASIAIOSFODNN7EXAMPLE", "secret", "token"))
                .getCallerIdentity(new GetCallerIdentityRequest()))
                .isInstanceOf(AmazonServiceException.class)
                .hasMessageContaining("InvalidClientTokenId");

        CallObservation call = OBSERVED.get(0);
        assertThat(call.failed()).isTrue();
        assertThat(call.errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(call.httpStatus()).isEqualTo(403);
        assertThat(call.requestId()).isEqualTo("req-error-1");
        assertThat(call.errorMessage()).isEqualTo("The security token included in the request is invalid.");
        assertThat(call.exceptionClass()).endsWith("AWSSecurityTokenServiceException");
        assertThat(call.credentials().kind()).isEqualTo(CredentialKind.TEMPORARY);
    }

    @Test
    void learnsTheExpiryOfKeysThatStsIssues() {
        nextReply = "<GetSessionTokenResponse><GetSessionTokenResult><Credentials>"
                + "<AccessKeyId>ASIALEARNEDEXAMPLE01</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                + "<SessionToken>t</SessionToken><Expiration>" + SESSION_EXPIRY + "</Expiration>"
                + "</Credentials></GetSessionTokenResult></GetSessionTokenResponse>";
        client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "secret")).getSessionToken(new GetSessionTokenRequest());

        nextReply = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn></GetCallerIdentityResult>"
                + "</GetCallerIdentityResponse>";
        client(new BasicSessionCredentials("ASIALEARNEDEXAMPLE01", "s", "t")).getCallerIdentity(new GetCallerIdentityRequest());

        assertThat(ExpiryRegistry.shared().expiryOf("ASIALEARNEDEXAMPLE01")).isEqualTo(Instant.parse(SESSION_EXPIRY));
        assertThat(OBSERVED.get(1).credentials().expiresAt()).isEqualTo(Instant.parse(SESSION_EXPIRY));
    }

    private static AWSSecurityTokenService client(com.amazonaws.auth.AWSCredentials credentials) {
        return AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(
                        "http://127.0.0.1:" + sts.getAddress().getPort(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(credentials))
                .build();
    }
}
