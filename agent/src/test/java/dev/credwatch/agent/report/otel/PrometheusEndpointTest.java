package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scrape endpoint on loopback: what it answers, its threads, and a port already taken. */
class PrometheusEndpointTest {
    private final List<String> problems = new ArrayList<>();
    private PrometheusReader reader;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.shutdown();
        }
    }

    private PrometheusReader serve(int port) {
        reader = PrometheusReader.serve(new PrometheusSettings("127.0.0.1", port), problems);
        return reader;
    }

    @Test
    void aScrapeCollectsTheCurrentValuesInTheTextFormat() throws IOException {
        PrometheusReader served = serve(0);
        SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(served).build();
        meters.get(OtelExport.SCOPE).counterBuilder(MetricPoints.SECURITY_ERRORS).build().add(2);

        assertThat(problems).isEmpty();
        assertThat(served.address()).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
        HttpURLConnection first = get(served.address());
        assertThat(first.getResponseCode()).isEqualTo(200);
        assertThat(first.getContentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(body(first)).contains("credwatch_security_errors_total{otel_scope_name=\"dev.credwatch.agent\"} 2\n");

        meters.get(OtelExport.SCOPE).counterBuilder(MetricPoints.SECURITY_ERRORS).build().add(1);
        assertThat(body(get(served.address()))).contains("credwatch_security_errors_total{otel_scope_name=\"dev.credwatch.agent\"} 3\n");
        assertThat(get(served.address().replace("/metrics", "/")).getResponseCode()).isEqualTo(200);
        assertThat(get(served.address().replace("/metrics", "/other")).getResponseCode()).isEqualTo(404);
        HttpURLConnection post = (HttpURLConnection) new URL(served.address()).openConnection();
        post.setRequestMethod("POST");
        assertThat(post.getResponseCode()).isEqualTo(405);
    }

    @Test
    void itsThreadsAreDaemonsEvenWhenANonDaemonThreadStartsIt() throws IOException {
        assertThat(Thread.currentThread().isDaemon()).as("this test's own thread").isFalse();
        PrometheusReader served = serve(0);
        get(served.address()).getResponseCode();

        List<String> servers = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HTTP-Dispatcher") || thread.getName().startsWith("credwatch-prometheus")) {
                servers.add(thread.getName() + (thread.isDaemon() ? " daemon" : " NOT A DAEMON"));
            }
        }
        assertThat(servers).isNotEmpty().allMatch(name -> name.endsWith(" daemon"));
    }

    @Test
    void aPortInUseIsOneProblemAndNoReader() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(serve(taken.getLocalPort())).isNull();

            assertThat(problems).containsExactly("credwatch cannot serve its Prometheus metrics on 127.0.0.1:"
                    + taken.getLocalPort() + " (OTEL_EXPORTER_PROMETHEUS_HOST and OTEL_EXPORTER_PROMETHEUS_PORT): the"
                    + " port is already in use; its metrics are not served, the application is not affected");
        }
    }

    @Test
    void aHostThatIsNoAddressOfThisMachineIsOneProblem() {
        // TEST-NET-1 (RFC 5737): never a local address, and binding to it makes no network call.
        reader = PrometheusReader.serve(new PrometheusSettings("192.0.2.1", 9464), problems);

        assertThat(reader).isNull();
        assertThat(problems).singleElement().asString()
                .startsWith("credwatch cannot serve its Prometheus metrics on 192.0.2.1:9464 (")
                .endsWith("; its metrics are not served, the application is not affected");
    }

    private static HttpURLConnection get(String address) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(address).openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        return connection;
    }

    private static String body(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
