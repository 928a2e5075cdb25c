package dev.credwatch.it.prometheus;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrape endpoint in a short-lived JVM, no Prometheus server needed: its threads never hold the JVM up at
 * exit, and a port already taken is one ERROR line while the application runs exactly as without the endpoint.
 */
class PrometheusEndpointIT {
    private static final String UNKNOWN_KEY = "AKIACREDWATCHPROM002";
    private static final String UNKNOWN_SECRET = "promItUnknownSecret/0123456789abcdefghij2";
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    private static ForkedJvm app(int port) {
        return ForkedJvm.main(V1App.class).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", UNKNOWN_KEY).sysProp("app.secretKey", UNKNOWN_SECRET)
                .sysProp("app.maxRetries", "1").env("AWS_REGION", "us-east-1")
                .env("OTEL_METRICS_EXPORTER", "prometheus").env("OTEL_TRACES_EXPORTER", "none")
                .env("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1")
                .env("OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(port))
                .args("sts.getCallerIdentity", "app.pause")
                .timeout(Duration.ofSeconds(30));
    }

    @Test
    void theEndpointNeverHoldsTheJvmUpAtExit() {
        int port = PrometheusTools.freeLoopbackPort();
        ForkedRun run = app(port).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> exception=").contains("code=InvalidClientTokenId");
        assertThat(run.agentLines()).as(run.describe())
                .anyMatch(line -> line.equals("[credwatch] INFO credwatch serves its metrics to Prometheus address=http://127.0.0.1:"
                        + port + "/metrics"))
                .anyMatch(line -> line.contains("credwatch exports OpenTelemetry data traces=none metrics=prometheus:http://127.0.0.1:"
                        + port + "/metrics"))
                .noneMatch(line -> line.contains(" ERROR "));
        System.out.println("[it] a JVM serving metrics ran for " + run.duration().toMillis() + " ms (1.5 s of it a pause)");
    }

    @Test
    void aPortAlreadyTakenIsOneErrorLineAndTheApplicationIsUnaffected() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ForkedRun run = app(port).run();
            ForkedRun without = app(port).withoutAgent().run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).isEqualTo(without.stdout());
            assertThat(run.agentLines()).as(run.describe()).filteredOn(line -> line.contains(" ERROR ")).containsExactly(
                    "[credwatch] ERROR credwatch cannot serve its Prometheus metrics on 127.0.0.1:" + port
                            + " (OTEL_EXPORTER_PROMETHEUS_HOST and OTEL_EXPORTER_PROMETHEUS_PORT): the port is already in"
                            + " use; its metrics are not served, the application is not affected");
            assertThat(run.warnings()).anyMatch(line -> line.contains("diagnosis=invalid_credentials"));
            run.agentLines().stream().filter(line -> line.contains(" ERROR ")).forEach(line -> System.out.println("[it] " + line));
        }
    }
}
