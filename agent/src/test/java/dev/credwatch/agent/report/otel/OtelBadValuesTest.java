package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every {@code OTEL_*} setting credwatch reads, with each kind of bad value, as a variable and as a system
 * property: exactly one line naming the key, the value (never a header's), where it came from and what is
 * accepted; the settings are those of the key left unset; and the exporters build from them without a throw
 * or a second line.
 */
class OtelBadValuesTest {
    private static final String NOT_SHOWN = "(not shown, it may hold credentials)";

    /** Variable, bad value, what the line says is wrong. */
    private static final String[][] CASES = {
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "not a url", "but it is not a URL"},
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://", "but it names no host"},
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://127.0.0.1:4318", "but its scheme is ftp"},
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "127.0.0.1:4318", "but the http:// is missing"},
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:99999", "but its port is not between 1 and 65535"},
        {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:0", "but its port is not between 1 and 65535"},
        {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "not a url", "but it is not a URL"},
        {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "localhost:4318/v1/traces", "but the http:// is missing"},
        {"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "grpc://collector:4317", "but its scheme is grpc"},
        {"OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "collector:4318/v1/logs", "but the http:// is missing"},
        {"OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://", "but it names no host"},
        {"OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "the OTLP protocols credwatch sends (point the endpoint at the"
                + " collector's HTTP port, 4318, too)"},
        {"OTEL_EXPORTER_OTLP_PROTOCOL", "banana", "http/protobuf or http/json, the OTLP protocols credwatch sends"},
        {"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "banana", "http/protobuf"},
        {"OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "grpc", "4318"},
        {"OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc", "4318"},
        {"OTEL_TRACES_EXPORTER", "banana", "otlp, console or none"},
        {"OTEL_TRACES_EXPORTER", "zipkin", "credwatch bundles no other exporter"},
        {"OTEL_TRACES_EXPORTER", ",", "otlp, console or none"},
        {"OTEL_METRICS_EXPORTER", "logging-otlp", "otlp, prometheus, console or none"},
        {"OTEL_METRICS_EXPORTER", "zipkin", "credwatch bundles no other exporter"},
        {"OTEL_LOGS_EXPORTER", "banana", "otlp, console or none"},
        {"OTEL_LOGS_EXPORTER", "zipkin", "credwatch bundles no other exporter"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "-5", "a number of milliseconds from 1 to 86400000, or a duration such as 10s"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "0", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "soon", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "9223372036854775807", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "99999999999999999999", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_TIMEOUT", "2d", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "-1", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "1.5s", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_LOGS_TIMEOUT", "0", "from 1 to 86400000"},
        {"OTEL_METRIC_EXPORT_INTERVAL", "0", "from 1 to 86400000"},
        {"OTEL_METRIC_EXPORT_INTERVAL", "-60000", "from 1 to 86400000"},
        {"OTEL_METRIC_EXPORT_INTERVAL", "forever", "from 1 to 86400000"},
        {"OTEL_EXPORTER_OTLP_COMPRESSION", "brotli", "gzip or none"},
        {"OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "zstd", "gzip or none"},
        {"OTEL_EXPORTER_OTLP_METRICS_COMPRESSION", "GZIPPED", "gzip or none"},
        {"OTEL_EXPORTER_OTLP_LOGS_COMPRESSION", "br", "gzip or none"},
        {"OTEL_SDK_DISABLED", "banana", "true or false"},
        {"OTEL_SDK_DISABLED", "1", "true or false"},
        {"OTEL_RESOURCE_ATTRIBUTES", "team", "(entry 1 of 1 is not)"},
        {"OTEL_RESOURCE_ATTRIBUTES", "x=%zz", "(entry 1 of 1 is not)"},
        {"OTEL_EXPORTER_OTLP_HEADERS", "Authorization: Bearer s3cr3t-token", "(entry 1 of 1 is not)"},
        {"OTEL_EXPORTER_OTLP_HEADERS", "api-key=%zzs3cr3t", "(entry 1 of 1 is not)"},
        {"OTEL_EXPORTER_OTLP_TRACES_HEADERS", "s3cr3t-token,x-tenant", "(entries 1, 2 of 2 are not)"},
        {"OTEL_EXPORTER_OTLP_METRICS_HEADERS", "=s3cr3t", "(entry 1 of 1 is not)"},
        {"OTEL_EXPORTER_OTLP_LOGS_HEADERS", "Authorization=Bearer %s3cr3t", "(entry 1 of 1 is not)"},
    };

    static Stream<Arguments> badValues() {
        List<Arguments> arguments = new ArrayList<>();
        for (String[] row : CASES) {
            arguments.add(Arguments.of(row[0], row[1], true, row[2]));
            arguments.add(Arguments.of(row[0], row[1], false, row[2]));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}=\"{1}\", as a variable: {2}")
    @MethodSource("badValues")
    void aBadValueIsOneLineAndTheSettingsOfTheKeyLeftUnset(String variable, String value, boolean asVariable,
                                                           String saysWhy) {
        String setting = asVariable ? variable : property(variable);
        OtelSettings settings = asVariable ? fromEnvironment(Map.of(variable, value)) : fromProperty(setting, value);

        boolean header = variable.endsWith("_HEADERS");
        String shown = header ? NOT_SHOWN : '"' + value + '"';
        assertThat(settings.problems).singleElement().asString()
                .startsWith("invalid value " + shown + " for " + setting + " ("
                        + (asVariable ? "environment variable" : "system property") + "): expected ")
                .contains(saysWhy)
                .containsAnyOf("; using the default ", "; ignoring that entry", "; ignoring those entries");
        if (header) {
            assertThat(settings.problems.get(0)).doesNotContain(value).doesNotContain("s3cr3t").doesNotContain("Bearer");
        }
        assertThat(fingerprint(settings)).isEqualTo(fingerprint(fromEnvironment(Map.of())));
        assertExportersBuildWithoutAnotherLine(settings);
    }

    @Test
    void aGeneralKeyBothSignalsReadIsStillOneLine() {
        OtelSettings settings = fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "-5", "OTEL_EXPORTER_OTLP_COMPRESSION", "brotli",
                "OTEL_EXPORTER_OTLP_HEADERS", "token"));

        assertThat(settings.problems).hasSize(4);
        for (String key : List.of("PROTOCOL", "TIMEOUT", "COMPRESSION", "HEADERS")) {
            assertThat(settings.problems).filteredOn(line -> line.contains(" for OTEL_EXPORTER_OTLP_" + key + " ("))
                    .hasSize(1);
        }
        assertExportersBuildWithoutAnotherLine(settings);
    }

    /** Variable, bad value, what the line says is wrong; read only beside OTEL_METRICS_EXPORTER=prometheus. */
    private static final String[][] PROMETHEUS_CASES = {
        {"OTEL_EXPORTER_PROMETHEUS_PORT", "0", "a port number from 1 to 65535; using the default 9464"},
        {"OTEL_EXPORTER_PROMETHEUS_PORT", "65536", "a port number from 1 to 65535; using the default 9464"},
        {"OTEL_EXPORTER_PROMETHEUS_PORT", "-1", "a port number from 1 to 65535; using the default 9464"},
        {"OTEL_EXPORTER_PROMETHEUS_PORT", "http", "a port number from 1 to 65535; using the default 9464"},
        {"OTEL_EXPORTER_PROMETHEUS_PORT", "99999999999", "a port number from 1 to 65535; using the default 9464"},
        {"OTEL_EXPORTER_PROMETHEUS_HOST", "http://0.0.0.0", "a host name or an IP address to listen on, such as"
                + " 127.0.0.1 or 0.0.0.0 (all interfaces), with no scheme or port; using the default 0.0.0.0"},
        {"OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1:9464", "with no scheme or port; using the default 0.0.0.0"},
        {"OTEL_EXPORTER_PROMETHEUS_HOST", "my host", "with no scheme or port; using the default 0.0.0.0"},
    };

    static Stream<Arguments> badPrometheusValues() {
        List<Arguments> arguments = new ArrayList<>();
        for (String[] row : PROMETHEUS_CASES) {
            arguments.add(Arguments.of(row[0], row[1], true, row[2]));
            arguments.add(Arguments.of(row[0], row[1], false, row[2]));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}=\"{1}\", as a variable: {2}")
    @MethodSource("badPrometheusValues")
    void aBadPrometheusValueIsOneLineAndItsDefault(String variable, String value, boolean asVariable, String saysWhy) {
        Properties properties = new Properties();
        Map<String, String> environment = new java.util.HashMap<>(Map.of("OTEL_METRICS_EXPORTER", "prometheus"));
        String setting = asVariable ? variable : property(variable);
        if (asVariable) {
            environment.put(variable, value);
        } else {
            properties.setProperty(setting, value);
        }
        OtelSettings settings = new OtelSettings(new OtelProperties(properties, environment));

        assertThat(settings.problems).containsExactly("invalid value \"" + value + "\" for " + setting + " ("
                + (asVariable ? "environment variable" : "system property") + "): expected " + saysWhy
                .replaceFirst("^with no", "a host name or an IP address to listen on, such as 127.0.0.1 or 0.0.0.0"
                        + " (all interfaces), with no"));
        assertThat(settings.prometheus.host).isEqualTo("0.0.0.0");
        assertThat(settings.prometheus.port).isEqualTo(9464);
    }

    @Test
    void aSignalKeysDefaultIsTheGeneralKeysValue() {
        OtelSettings settings = fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
                "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "-1", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "collector:4318/v1/metrics"));

        assertThat(settings.traces.timeout).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.metrics.endpoint).isEqualTo("http://collector:4318/v1/metrics");
        assertThat(settings.problems).containsExactly(
                "invalid value \"-1\" for OTEL_EXPORTER_OTLP_TRACES_TIMEOUT (environment variable): expected a number"
                        + " of milliseconds from 1 to 86400000, or a duration such as 10s; using the default 2500",
                "invalid value \"collector:4318/v1/metrics\" for OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (environment"
                        + " variable): expected an http:// or https:// URL such as http://collector:4318, but the"
                        + " http:// is missing; using the default http://collector:4318/v1/metrics");
    }

    @Test
    void theGoodPartOfAListIsKept() {
        OtelSettings settings = fromEnvironment(Map.of("OTEL_TRACES_EXPORTER", "console,zipkin",
                "OTEL_RESOURCE_ATTRIBUTES", "team,service.name=orders,x=%zz"));

        assertThat(settings.tracesExporters).containsExactly("console");
        assertThat(settings.resourceAttributes).containsExactly(Map.entry("service.name", "orders"));
        assertThat(settings.problems).containsExactly(
                "invalid value \"team,service.name=orders,x=%zz\" for OTEL_RESOURCE_ATTRIBUTES (environment variable):"
                        + " expected name=value pairs separated by commas, with percent-encoded values (entries 1, 3 of"
                        + " 3 are not); ignoring those entries",
                "invalid value \"console,zipkin\" for OTEL_TRACES_EXPORTER (environment variable): expected otlp,"
                        + " console or none (credwatch bundles no other exporter); using console");
    }

    @Test
    void credentialsInABadEndpointAreNotShown() {
        OtelSettings settings = fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "https://user:t0ken@collector:99999/otlp?api_key=t0ken2"));

        assertThat(settings.problems).singleElement().asString()
                .contains("\"https://****@collector:99999/otlp?****\"").doesNotContain("t0ken").doesNotContain("user");
    }

    @Test
    void goodValuesInAnyCaseAreNoProblem() {
        OtelSettings settings = fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "HTTPS://collector.example:443/",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "HTTP/PROTOBUF", "OTEL_EXPORTER_OTLP_COMPRESSION", "GZIP",
                "OTEL_SDK_DISABLED", "False", "OTEL_TRACES_EXPORTER", "OTLP,Console", "OTEL_METRICS_EXPORTER", "none"));

        assertThat(settings.problems).isEmpty();
        assertThat(settings.traces.endpoint).isEqualTo("HTTPS://collector.example:443/v1/traces");
        assertThat(settings.traces.compression).isEqualTo("gzip");
        assertThat(settings.tracesExporters).containsExactly("otlp", "console");
    }

    /** What ExporterFactory (built by another part of the agent) does with the values: no throw, no second line. */
    private static void assertExportersBuildWithoutAnotherLine(OtelSettings settings) {
        List<String> problems = new ArrayList<>();
        ExporterFactory factory = new ExporterFactory(settings, problems, 17);
        assertThatCode(() -> {
            factory.spanExporters().forEach(SpanExporter::shutdown);
            factory.metricExporters().forEach(MetricExporter::shutdown);
            factory.logRecordExporters().forEach(LogRecordExporter::shutdown);
        }).doesNotThrowAnyException();
        assertThat(problems).isEmpty();
    }

    private static String fingerprint(OtelSettings settings) {
        return settings.sdkDisabled + " " + settings.serviceName + " " + settings.resourceAttributes + " "
                + settings.tracesExporters + settings.metricsExporters + settings.logsExporters + " "
                + settings.metricInterval + " " + signal(settings.traces) + " " + signal(settings.metrics) + " "
                + signal(settings.logs);
    }

    private static String signal(OtelSettings.Signal signal) {
        return signal.endpoint + " " + signal.protocol + " " + signal.headers + " " + signal.timeout + " "
                + signal.compression;
    }

    private static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static OtelSettings fromEnvironment(Map<String, String> environment) {
        return new OtelSettings(new OtelProperties(new Properties(), environment));
    }

    private static OtelSettings fromProperty(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return new OtelSettings(new OtelProperties(properties, Collections.emptyMap()));
    }
}
