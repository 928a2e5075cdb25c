package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.config.ProblemLine;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the standard {@code OTEL_*} variables ask of credwatch's exporters: resource, one exporter list
 * per signal, and the OTLP endpoint, protocol, headers, timeout and compression of each signal. Only
 * values are read here; nothing is connected to. A value credwatch cannot use is one line in
 * {@link #problems} and the default, so that the exporters are only ever built from usable values.
 */
final class OtelSettings {
    static final String DEFAULT_ENDPOINT = "http://localhost:4318";
    static final String HTTP_PROTOBUF = "http/protobuf";
    private static final List<String> BUNDLED_EXPORTERS = Arrays.asList("otlp", "console", "logging", "none");
    private static final List<String> BUNDLED_METRIC_EXPORTERS = Arrays.asList("otlp", "prometheus", "console", "logging", "none");
    private static final String GENERAL = "otel.exporter.otlp.";

    final boolean sdkDisabled;
    final String serviceName;
    final Map<String, String> resourceAttributes;
    final List<String> tracesExporters;
    final List<String> metricsExporters;
    final List<String> logsExporters;
    final Signal traces;
    final Signal metrics;
    final Signal logs;
    final Duration metricInterval;
    /** Where the scrape endpoint listens; null unless {@code OTEL_METRICS_EXPORTER} names {@code prometheus}. */
    final PrometheusSettings prometheus;
    /** True when the user pointed an exporter somewhere: the condition for {@code otel=auto} to export. */
    final boolean exporterConfigured;
    final List<String> problems = new ArrayList<String>();

    /** The OTLP settings of one signal. */
    static final class Signal {
        final String endpoint;
        final String protocol;
        final Map<String, String> headers;
        final Duration timeout;
        final String compression;

        Signal(String endpoint, String protocol, Map<String, String> headers, Duration timeout, String compression) {
            this.endpoint = endpoint;
            this.protocol = protocol;
            this.headers = Collections.unmodifiableMap(headers);
            this.timeout = timeout;
            this.compression = compression;
        }
    }

    OtelSettings(OtelProperties properties) {
        sdkDisabled = properties.flag("otel.sdk.disabled", problems);
        resourceAttributes = properties.keyValues("otel.resource.attributes", false, problems);
        String name = properties.get("otel.service.name");
        serviceName = name != null ? name : resourceAttributes.get("service.name");
        tracesExporters = exporters(properties, "otel.traces.exporter", BUNDLED_EXPORTERS, "otlp, console or none");
        metricsExporters = exporters(properties, "otel.metrics.exporter", BUNDLED_METRIC_EXPORTERS,
                "otlp, prometheus, console or none");
        prometheus = metricsExporters.contains("prometheus") ? PrometheusSettings.read(properties, problems) : null;
        logsExporters = exporters(properties, "otel.logs.exporter", BUNDLED_EXPORTERS, "otlp, console or none");
        // The general keys are read once, so that a bad one is one line, not one per signal.
        Signal general = new Signal(endpoint(properties, GENERAL + "endpoint", DEFAULT_ENDPOINT),
                protocol(properties, GENERAL + "protocol", HTTP_PROTOBUF),
                properties.keyValues(GENERAL + "headers", true, problems),
                properties.millis(GENERAL + "timeout", Duration.ofSeconds(10), problems),
                compression(properties, GENERAL + "compression", "none"));
        traces = signal(properties, "traces", general);
        metrics = signal(properties, "metrics", general);
        logs = signal(properties, "logs", general);
        metricInterval = properties.millis("otel.metric.export.interval", Duration.ofMinutes(1), problems);
        exporterConfigured = properties.first(GENERAL + "endpoint", GENERAL + "traces.endpoint",
                GENERAL + "metrics.endpoint", GENERAL + "logs.endpoint") != null
                || exports(properties, "otel.traces.exporter") || exports(properties, "otel.metrics.exporter")
                || exports(properties, "otel.logs.exporter");
    }

    /** An exporter key set to anything but {@code none}: {@code OTEL_LOGS_EXPORTER=none} alone starts no SDK. */
    private static boolean exports(OtelProperties properties, String key) {
        String value = properties.get(key);
        return value != null && !value.trim().equalsIgnoreCase("none");
    }

    /** A signal's own keys, each defaulting to the general one's value. */
    private Signal signal(OtelProperties properties, String signal, Signal general) {
        String prefix = GENERAL + signal + '.';
        // The general endpoint is a base URL; the signal's path is appended (OTLP/HTTP specification).
        String base = general.endpoint.endsWith("/") ? general.endpoint : general.endpoint + '/';
        Map<String, String> headers = new LinkedHashMap<String, String>(general.headers);
        headers.putAll(properties.keyValues(prefix + "headers", true, problems));
        return new Signal(endpoint(properties, prefix + "endpoint", base + "v1/" + signal),
                protocol(properties, prefix + "protocol", general.protocol), headers,
                properties.millis(prefix + "timeout", general.timeout, problems),
                compression(properties, prefix + "compression", general.compression));
    }

    /** Unknown names are left out; when none is left, the default {@code otlp}. */
    private List<String> exporters(OtelProperties properties, String key, List<String> accepted, String expected) {
        List<String> bundled = new ArrayList<String>();
        boolean unknown = false;
        for (String name : properties.list(key, "otlp")) {
            if (accepted.contains(name)) {
                bundled.add(name);
            } else {
                unknown = true;
            }
        }
        if (!unknown && !bundled.isEmpty()) {
            return bundled;
        }
        properties.reject(problems, key, properties.get(key), expected + " (credwatch bundles no other"
                + " exporter)", bundled.isEmpty() ? ProblemLine.usingTheDefault("otlp") : "using " + String.join(",", bundled));
        return bundled.isEmpty() ? Collections.singletonList("otlp") : bundled;
    }

    private String protocol(OtelProperties properties, String key, String fallback) {
        // gRPC senders bring OkHttp or grpc-java, megabytes the agent's jar budget has no room for.
        String grpcHint = "grpc".equalsIgnoreCase(properties.get(key))
                ? " (point the endpoint at the collector's HTTP port, 4318, too)" : "";
        return properties.choice(key, fallback, HTTP_PROTOBUF + " or " + OtlpHttpExporter.HTTP_JSON
                + ", the OTLP protocols credwatch sends" + grpcHint, problems, HTTP_PROTOBUF, OtlpHttpExporter.HTTP_JSON);
    }

    private String compression(OtelProperties properties, String key, String fallback) {
        return properties.choice(key, fallback, "gzip or none", problems, "gzip", "none");
    }

    /** An http or https URL with a host; the exporter builder would throw on anything else. */
    private String endpoint(OtelProperties properties, String key, String fallback) {
        String value = properties.get(key);
        String problem = value == null ? null : endpointProblem(value);
        if (problem == null) {
            return value == null ? fallback : value;
        }
        properties.reject(problems, key, withoutCredentials(value), "an http:// or https:// URL such as"
                + " http://collector:4318, but " + problem, ProblemLine.usingTheDefault(fallback));
        return fallback;
    }

    /** Why {@code value} is no OTLP/HTTP endpoint, or null when it is one. */
    static String endpointProblem(String value) {
        if (value.matches("[^/:]+:\\d+(/.*)?")) {
            return "the http:// is missing";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return value.matches("(?i)https?://([/?#].*)?") ? "it names no host" : "it is not a URL";
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")) {
            return uri.getScheme() == null ? "it has no scheme" : "its scheme is " + uri.getScheme();
        }
        if (uri.getHost() == null) {
            return "it names no host";
        }
        return uri.getPort() == 0 || uri.getPort() > 65535 ? "its port is not between 1 and 65535" : null;
    }

    /** User info and query may carry a token ({@code https://user:key@host}): never in a problem line. */
    private static String withoutCredentials(String value) {
        return value.replaceFirst("//[^/?#]*@", "//****@").replaceFirst("\\?.*", "?****");
    }
}
