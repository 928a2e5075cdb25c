package dev.credwatch.agent.report.otel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class OtelSettingsTest {

    private static OtelSettings settings(Map<String, String> environment, Properties properties) {
        return new OtelSettings(new OtelProperties(properties, environment));
    }

    @Test
    void nothingSetMeansNoExporterConfiguredAndTheOtlpDefaults() {
        OtelSettings settings = settings(Collections.emptyMap(), new Properties());

        assertThat(settings.exporterConfigured).isFalse();
        assertThat(settings.tracesExporters).containsExactly("otlp");
        assertThat(settings.traces.endpoint).isEqualTo("http://localhost:4318/v1/traces");
        assertThat(settings.metrics.endpoint).isEqualTo("http://localhost:4318/v1/metrics");
        assertThat(settings.logsExporters).containsExactly("otlp");
        assertThat(settings.logs.endpoint).isEqualTo("http://localhost:4318/v1/logs");
        assertThat(settings.logs.timeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.traces.protocol).isEqualTo("http/protobuf");
        assertThat(settings.traces.timeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.metricInterval).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theGeneralEndpointIsABaseAndASignalEndpointIsUsedAsIs() {
        OtelSettings settings = settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics:9090/otlp"), new Properties());

        assertThat(settings.exporterConfigured).isTrue();
        assertThat(settings.traces.endpoint).isEqualTo("http://collector:4318/v1/traces");
        assertThat(settings.metrics.endpoint).isEqualTo("http://metrics:9090/otlp");
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Properties properties = new Properties();
        properties.setProperty("otel.service.name", "from-property");
        properties.setProperty("otel.traces.exporter", "console");
        OtelSettings settings = settings(Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_TRACES_EXPORTER", "otlp"),
                properties);

        assertThat(settings.serviceName).isEqualTo("from-property");
        assertThat(settings.tracesExporters).containsExactly("console");
        assertThat(settings.exporterConfigured).isTrue();
    }

    @Test
    void readsResourceAttributesHeadersProtocolTimeoutAndCompression() {
        OtelSettings settings = settings(Map.of(
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=orders,deployment.environment=prod%20eu",
                "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=abc%3D%3D,tenant=t1",
                "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "tenant=t2",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "HTTP/PROTOBUF",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
                "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip",
                "OTEL_METRIC_EXPORT_INTERVAL", "1000"), new Properties());

        assertThat(settings.serviceName).isEqualTo("orders");
        assertThat(settings.resourceAttributes).containsEntry("deployment.environment", "prod eu");
        assertThat(settings.traces.headers).containsEntry("x-api-key", "abc==").containsEntry("tenant", "t2");
        assertThat(settings.metrics.headers).containsEntry("tenant", "t1");
        assertThat(settings.traces.protocol).isEqualTo("http/protobuf");
        assertThat(settings.traces.timeout).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.traces.compression).isEqualTo("gzip");
        assertThat(settings.metricInterval).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.problems).isEmpty();
    }

    @Test
    void aBadNumberIsOneProblemAndTheDefault() {
        OtelSettings settings = settings(Map.of("OTEL_METRIC_EXPORT_INTERVAL", "soon"), new Properties());

        assertThat(settings.metricInterval).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.problems).singleElement().asString()
                .contains("\"soon\" for OTEL_METRIC_EXPORT_INTERVAL (environment variable)");
    }

    @Test
    void java8IsRefusedWithOneClearLine() {
        List<String> problems = new java.util.ArrayList<>();
        OtelSettings http = settings(Map.of("OTEL_METRICS_EXPORTER", "none"), new Properties());
        assertThat(new ExporterFactory(http, problems, 8).spanExporters()).isEmpty();
        assertThat(problems).singleElement().asString().contains("Java 11");
    }

    @Test
    void timeoutsAlsoTakeTheJavaSdksDurationsWithAUnit() {
        OtelSettings settings = settings(Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "2s",
                "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "1500ms", "OTEL_METRIC_EXPORT_INTERVAL", "1m"), new Properties());

        assertThat(settings.traces.timeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.metrics.timeout).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.metricInterval).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.problems).isEmpty();
    }

    @Test
    void anEmptyValueIsUnsetAsTheSpecificationSaysAndABlankPropertyLeavesTheVariable() {
        Properties properties = new Properties();
        properties.setProperty("otel.service.name", " ");
        OtelSettings settings = settings(Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_EXPORTER_OTLP_ENDPOINT", "",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "  ", "OTEL_EXPORTER_OTLP_TIMEOUT", ""), properties);

        assertThat(settings.serviceName).isEqualTo("from-env");
        assertThat(settings.exporterConfigured).isFalse();
        assertThat(settings.traces.endpoint).isEqualTo("http://localhost:4318/v1/traces");
        assertThat(settings.problems).isEmpty();
    }

    @Test
    void consoleAndNoneNeedNoEndpoint() {
        OtelSettings settings = settings(Map.of("OTEL_TRACES_EXPORTER", "console", "OTEL_METRICS_EXPORTER", "none"),
                new Properties());
        List<String> problems = new java.util.ArrayList<>();
        ExporterFactory factory = new ExporterFactory(settings, problems, 17);

        assertThat(factory.spanExporters()).singleElement().isInstanceOf(ConsoleSpanExporter.class);
        assertThat(factory.metricExporters()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void theLogsSignalTakesItsOwnKeysAndFallsBackToTheGeneralOnes() {
        OtelSettings general = settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=k1", "OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
                "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"), new Properties());
        OtelSettings own = settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:9000/otlp", "OTEL_EXPORTER_OTLP_LOGS_HEADERS", "tenant=t3",
                "OTEL_EXPORTER_OTLP_LOGS_TIMEOUT", "750", "OTEL_EXPORTER_OTLP_LOGS_COMPRESSION", "none",
                "OTEL_LOGS_EXPORTER", "console,otlp"), new Properties());

        assertThat(general.logs.endpoint).isEqualTo("http://collector:4318/v1/logs");
        assertThat(general.logs.headers).containsEntry("x-api-key", "k1");
        assertThat(general.logs.timeout).isEqualTo(Duration.ofMillis(2500));
        assertThat(general.logs.compression).isEqualTo("gzip");
        assertThat(own.logs.endpoint).isEqualTo("http://logs:9000/otlp");
        assertThat(own.logs.headers).containsExactly(Map.entry("tenant", "t3"));
        assertThat(own.logs.timeout).isEqualTo(Duration.ofMillis(750));
        assertThat(own.logs.compression).isEqualTo("none");
        assertThat(own.logsExporters).containsExactly("console", "otlp");
        assertThat(own.traces.endpoint).isEqualTo("http://collector:4318/v1/traces");
        assertThat(own.problems).isEmpty();
    }

    @Test
    void aLogsExporterOrEndpointAloneIsAnExporterConfigured() {
        assertThat(settings(Map.of("OTEL_LOGS_EXPORTER", "console"), new Properties()).exporterConfigured).isTrue();
        assertThat(settings(Map.of("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/v1/logs"), new Properties())
                .exporterConfigured).isTrue();
    }

    @Test
    void exportersSetToNoneAloneAreNoExporterConfigured() {
        assertThat(settings(Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "None"), new Properties()).exporterConfigured).isFalse();
        assertThat(settings(Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "console"), new Properties())
                .exporterConfigured).isTrue();
    }

    @Test
    void consoleAndNoneLogExportersNeedNoEndpoint() {
        List<String> problems = new java.util.ArrayList<>();
        ExporterFactory console = new ExporterFactory(settings(Map.of("OTEL_LOGS_EXPORTER", "console"),
                new Properties()), problems, 17);
        ExporterFactory none = new ExporterFactory(settings(Map.of("OTEL_LOGS_EXPORTER", "none"),
                new Properties()), problems, 17);

        assertThat(console.logRecordExporters()).singleElement().isInstanceOf(ConsoleLogRecordExporter.class);
        assertThat(none.logRecordExporters()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void prometheusIsAMetricsExporterWithTheOtelJavaAgentsDefaults() {
        OtelSettings settings = settings(Map.of("OTEL_METRICS_EXPORTER", "prometheus"), new Properties());

        assertThat(settings.problems).isEmpty();
        assertThat(settings.exporterConfigured).isTrue();
        assertThat(settings.metricsExporters).containsExactly("prometheus");
        assertThat(settings.prometheus.host).isEqualTo("0.0.0.0");
        assertThat(settings.prometheus.port).isEqualTo(9464);
        List<String> problems = new java.util.ArrayList<>();
        assertThat(new ExporterFactory(settings, problems, 17).metricExporters()).as("a reader, not a pushing exporter")
                .isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void prometheusHostAndPortAreReadBesideOtherExportersAndPropertiesWin() {
        Properties properties = new Properties();
        properties.setProperty("otel.exporter.prometheus.port", "19464");
        OtelSettings settings = settings(Map.of("OTEL_METRICS_EXPORTER", "otlp,Prometheus",
                "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1", "OTEL_EXPORTER_PROMETHEUS_PORT", "9999"), properties);

        assertThat(settings.problems).isEmpty();
        assertThat(settings.metricsExporters).containsExactly("otlp", "prometheus");
        assertThat(settings.prometheus.host).isEqualTo("127.0.0.1");
        assertThat(settings.prometheus.port).isEqualTo(19464);
    }

    @Test
    void prometheusSettingsAreNotReadUnlessThatExporterIsNamed() {
        OtelSettings settings = settings(Map.of("OTEL_EXPORTER_PROMETHEUS_PORT", "banana"), new Properties());

        assertThat(settings.prometheus).isNull();
        assertThat(settings.problems).isEmpty();
    }

    @Test
    void prometheusIsNoTracesExporter() {
        OtelSettings settings = settings(Map.of("OTEL_TRACES_EXPORTER", "prometheus"), new Properties());

        assertThat(settings.tracesExporters).containsExactly("otlp");
        assertThat(settings.problems).containsExactly("invalid value \"prometheus\" for OTEL_TRACES_EXPORTER"
                + " (environment variable): expected otlp, console or none (credwatch bundles no other exporter);"
                + " using the default otlp");
    }

    @Test
    void parsesJavaVersions() {
        assertThat(JavaVersion.parse("1.8")).isEqualTo(8);
        assertThat(JavaVersion.parse("17")).isEqualTo(17);
        assertThat(JavaVersion.parse("25")).isEqualTo(25);
    }
}
