package dev.credwatch.it.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1LoopApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.RunningJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus server (Debian's package, on loopback, its storage in a temporary directory) scrapes an SDK v1
 * application whose calls fail with an unknown key, through credwatch's {@code OTEL_METRICS_EXPORTER=prometheus}
 * endpoint, with the shipped alerting rules loaded: the query for {@code credwatch_security_errors_total} returns
 * the one series with the diagnosis, code and service and the exact count, the resource is {@code target_info},
 * every rule evaluates without error, and the security-error alert fires for that series.
 */
class PrometheusScrapeIT {
    private static final String UNKNOWN_KEY = "AKIACREDWATCHPROM001";
    private static final String UNKNOWN_SECRET = "promItUnknownSecret/0123456789abcdefghijk";
    private static final int CALLS = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesTheSecurityErrorsOfARunningJvm(@TempDir Path temp) throws Exception {
        Path prometheus = PrometheusTools.require("prometheus");
        int metricsPort = PrometheusTools.freeLoopbackPort();
        int prometheusPort = PrometheusTools.freeLoopbackPort();
        Process server = null;
        try (FakeAws fake = FakeAws.start();
             RunningJvm app = ForkedJvm.main(V1LoopApp.class)
                     .sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", UNKNOWN_KEY)
                     .sysProp("app.secretKey", UNKNOWN_SECRET)
                     .sysProp("app.calls", String.valueOf(CALLS)).sysProp("app.seconds", "120")
                     .env("AWS_REGION", "us-east-1")
                     .env("OTEL_METRICS_EXPORTER", "prometheus")
                     .env("OTEL_TRACES_EXPORTER", "none")
                     .env("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1")
                     .env("OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(metricsPort))
                     .env("OTEL_SERVICE_NAME", "credwatch-it")
                     .start()) {
            app.awaitOutput(output -> output.contains("CALLS DONE " + CALLS), WAIT);
            String endpoint = "http://127.0.0.1:" + metricsPort + "/metrics";
            app.awaitOutput(output -> output.contains("credwatch serves its metrics to Prometheus address=" + endpoint),
                    WAIT);
            // The export thread counts the calls after they return: the count may lag the application's output.
            String expected = "credwatch_security_errors_total{credwatch_code=\"UnrecognizedClientException\","
                    + "credwatch_diagnosis=\"invalid_credentials\",otel_scope_name=\"dev.credwatch.agent\","
                    + "rpc_service=\"SQS\"} " + CALLS + "\n";
            String scrape = get(endpoint);
            for (long deadline = System.nanoTime() + WAIT.toNanos(); !scrape.contains(expected)
                    && System.nanoTime() < deadline; scrape = get(endpoint)) {
                Thread.sleep(200);
            }
            System.out.println("[it] scrape of " + endpoint + ":\n" + scrape);
            assertThat(scrape).contains(expected).doesNotContain(UNKNOWN_SECRET);

            server = startPrometheus(prometheus, temp, metricsPort, prometheusPort);
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
            JsonNode series = awaitResult(api + "query?query=" + encode("credwatch_security_errors_total"),
                    result -> result.size() == 1 && result.get(0).get("value").get(1).asText().equals(String.valueOf(CALLS)),
                    server, temp);
            Map<String, String> labels = labels(series.get(0).get("metric"));
            System.out.println("[it] Prometheus query credwatch_security_errors_total: " + series);
            assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "__name__", "credwatch_security_errors_total", "job", "credwatch-it",
                    "instance", "127.0.0.1:" + metricsPort, "credwatch_diagnosis", "invalid_credentials",
                    "credwatch_code", "UnrecognizedClientException", "rpc_service", "SQS",
                    "otel_scope_name", "dev.credwatch.agent"));

            JsonNode target = awaitResult(api + "query?query=target_info", result -> result.size() == 1, server, temp);
            assertThat(labels(target.get(0).get("metric"))).containsEntry("service_name", "credwatch-it")
                    .containsEntry("telemetry_sdk_language", "java");

            JsonNode alert = awaitAlert(api + "alerts", "CredwatchSecurityErrors", server, temp);
            assertThat(labels(alert.get("labels"))).containsEntry("credwatch_diagnosis", "invalid_credentials")
                    .containsEntry("credwatch_code", "UnrecognizedClientException").containsEntry("rpc_service", "SQS")
                    .containsEntry("instance", "127.0.0.1:" + metricsPort).containsEntry("severity", "warning");
            assertThat(alert.get("state").asText()).isEqualTo("firing");
            JsonNode rules = JSON.readTree(get(api + "rules")).get("data").get("groups").get(0).get("rules");
            assertThat(rules).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(rule -> assertThat(rule.get("health").asText()).as(rule.toString()).isEqualTo("ok"));
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Prometheus on loopback, scraping credwatch every second, with the shipped rules evaluated every second. */
    private static Process startPrometheus(Path prometheus, Path temp, int metricsPort, int port) throws IOException {
        Path config = temp.resolve("prometheus.yml");
        Files.write(config, ("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "rule_files:\n  - " + PrometheusTools.rulesDirectory().resolve("credwatch-alerts.yml") + "\n"
                + "scrape_configs:\n  - job_name: credwatch-it\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + metricsPort + "']\n").getBytes(StandardCharsets.UTF_8));
        return new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + temp.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(temp.resolve("prometheus.log").toFile())
                .start();
    }

    /** Polls a query until its result satisfies {@code done}; fails with Prometheus's log after {@link #WAIT}. */
    private static JsonNode awaitResult(String url, Predicate<JsonNode> done, Process server, Path temp) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                last = get(url);
                JsonNode result = JSON.readTree(last).get("data").get("result");
                if (done.test(result)) {
                    return result;
                }
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no such answer from " + url + " within " + WAIT + "; last: " + last
                + "\nprometheus log:\n" + new String(Files.readAllBytes(temp.resolve("prometheus.log")), StandardCharsets.UTF_8));
    }

    private static JsonNode awaitAlert(String url, String name, Process server, Path temp) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline && server.isAlive()) {
            last = get(url);
            for (JsonNode alert : JSON.readTree(last).get("data").get("alerts")) {
                if (alert.get("labels").get("alertname").asText().equals(name)) {
                    return alert;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no alert " + name + " at " + url + " within " + WAIT + "; last: " + last
                + "\nprometheus log:\n" + new String(Files.readAllBytes(temp.resolve("prometheus.log")), StandardCharsets.UTF_8));
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
