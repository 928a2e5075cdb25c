package dev.credwatch.agent.report.otel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the standard {@code OTEL_*} variables ask of credwatch's exporters: resource, one exporter list
 * per signal, and the OTLP endpoint, protocol, headers, timeout and compression of each signal. Only
 * values are read here; nothing is connected to.
 */
final class OtelSettings {
    static final String DEFAULT_ENDPOINT = "http://localhost:4318";
    static final String HTTP_PROTOBUF = "http/protobuf";

    final boolean sdkDisabled;
    final String serviceName;
    final Map<String, String> resourceAttributes;
    final List<String> tracesExporters;
    final List<String> metricsExporters;
    final Signal traces;
    final Signal metrics;
    final Duration metricInterval;
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
        sdkDisabled = "true".equalsIgnoreCase(properties.get("otel.sdk.disabled"));
        resourceAttributes = OtelProperties.keyValues(properties.get("otel.resource.attributes"), problems,
                "OTEL_RESOURCE_ATTRIBUTES");
        String name = properties.get("otel.service.name");
        serviceName = name != null ? name : resourceAttributes.get("service.name");
        tracesExporters = properties.list("otel.traces.exporter", "otlp");
        metricsExporters = properties.list("otel.metrics.exporter", "otlp");
        traces = signal(properties, "traces");
        metrics = signal(properties, "metrics");
        metricInterval = millis(properties, "otel.metric.export.interval", 60000);
        exporterConfigured = properties.first("otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint",
                "otel.exporter.otlp.metrics.endpoint", "otel.traces.exporter", "otel.metrics.exporter") != null;
    }

    private Signal signal(OtelProperties properties, String signal) {
        String prefix = "otel.exporter.otlp." + signal + '.';
        String endpoint = properties.get(prefix + "endpoint");
        if (endpoint == null) {
            // The general endpoint is a base URL; the signal's path is appended (OTLP/HTTP specification).
            String base = properties.get("otel.exporter.otlp.endpoint");
            base = base == null ? DEFAULT_ENDPOINT : base;
            endpoint = (base.endsWith("/") ? base : base + '/') + "v1/" + signal;
        }
        String protocol = properties.first(prefix + "protocol", "otel.exporter.otlp.protocol");
        Map<String, String> headers = OtelProperties.keyValues(properties.get("otel.exporter.otlp.headers"), problems,
                "OTEL_EXPORTER_OTLP_HEADERS");
        headers.putAll(OtelProperties.keyValues(properties.get(prefix + "headers"), problems,
                "OTEL_EXPORTER_OTLP_" + signal.toUpperCase() + "_HEADERS"));
        String timeoutKey = properties.get(prefix + "timeout") != null ? prefix + "timeout" : "otel.exporter.otlp.timeout";
        return new Signal(endpoint, protocol == null ? HTTP_PROTOBUF : protocol, headers,
                millis(properties, timeoutKey, 10000),
                properties.first(prefix + "compression", "otel.exporter.otlp.compression"));
    }

    private Duration millis(OtelProperties properties, String key, long defaultMillis) {
        String value = properties.get(key);
        if (value == null) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + "=" + value + " is not a positive number of milliseconds; " + defaultMillis + " is used");
        return Duration.ofMillis(defaultMillis);
    }
}
