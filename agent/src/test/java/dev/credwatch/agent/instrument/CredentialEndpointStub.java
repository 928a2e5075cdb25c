package dev.credwatch.agent.instrument;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A container-credentials endpoint and a canned STS on one loopback port, for the in-process tests of the
 * credential-provider instrumentation: the SDKs' own providers fetch from it, the STS client calls it.
 */
public final class CredentialEndpointStub implements AutoCloseable {
    public static final String KEY_ID = "ASIACONTAINER0KEY001";
    private static final String CALLER_IDENTITY = "<GetCallerIdentityResponse><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::1:user/a</Arn><UserId>A</UserId><Account>1</Account></GetCallerIdentityResult>"
            + "</GetCallerIdentityResponse>";

    private final HttpServer server;
    private volatile int credentialsStatus = 200;
    private volatile long credentialsDelayMillis;
    private volatile Instant expiry = Instant.now().plus(6, ChronoUnit.HOURS);

    public CredentialEndpointStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/creds", exchange -> {
            sleep(credentialsDelayMillis);
            int status = credentialsStatus;
            byte[] body = (status == 200 ? "{\"AccessKeyId\":\"" + KEY_ID + "\",\"SecretAccessKey\":\"secret\","
                    + "\"Token\":\"token\",\"Expiration\":\"" + expiry.truncatedTo(ChronoUnit.SECONDS) + "\"}"
                    : "{\"code\":\"InternalError\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = CALLER_IDENTITY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-ok-1");
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String credentialsUri() {
        return endpoint() + "/creds";
    }

    public void answerCredentials(int status, long delayMillis) {
        this.credentialsStatus = status;
        this.credentialsDelayMillis = delayMillis;
    }

    public void expireIn(long seconds) {
        this.expiry = Instant.now().plusSeconds(seconds);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
