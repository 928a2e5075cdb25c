package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the exporters {@code OTEL_TRACES_EXPORTER}, {@code OTEL_METRICS_EXPORTER} and {@code OTEL_LOGS_EXPORTER}
 * name: {@code otlp} (OTLP over HTTP, protobuf or JSON, sent by the JDK's HttpClient: {@link OtlpHttpExporter}),
 * {@code console} (one line per item in credwatch's log), {@code prometheus} (for metrics: a scrape endpoint,
 * {@link PrometheusReader}) or {@code none}. gRPC is not bundled: every gRPC sender for the OpenTelemetry SDK
 * brings OkHttp and Kotlin or grpc-java, megabytes the agent's 6 MiB budget has no room for.
 */
final class ExporterFactory {
    private final OtelSettings settings;
    private final List<String> problems;
    private final int javaVersion;
    private boolean javaTooOldReported;

    ExporterFactory(OtelSettings settings, List<String> problems, int javaVersion) {
        this.settings = settings;
        this.problems = problems;
        this.javaVersion = javaVersion;
    }

    List<SpanExporter> spanExporters() {
        List<SpanExporter> exporters = new ArrayList<SpanExporter>();
        for (String name : settings.tracesExporters) {
            if (name.equals("otlp") && otlpUsable()) {
                exporters.add(new OtlpSpanExporter(settings.traces));
            } else if (name.equals("console") || name.equals("logging")) {
                exporters.add(new ConsoleSpanExporter());
            }
        }
        return exporters;
    }

    List<MetricExporter> metricExporters() {
        List<MetricExporter> exporters = new ArrayList<MetricExporter>();
        for (String name : settings.metricsExporters) {
            if (name.equals("otlp") && otlpUsable()) {
                exporters.add(new OtlpMetricExporter(settings.metrics));
            } else if (name.equals("console") || name.equals("logging")) {
                exporters.add(new ConsoleMetricExporter());
            }
        }
        return exporters;
    }

    List<LogRecordExporter> logRecordExporters() {
        List<LogRecordExporter> exporters = new ArrayList<LogRecordExporter>();
        for (String name : settings.logsExporters) {
            if (name.equals("otlp") && otlpUsable()) {
                exporters.add(new OtlpLogRecordExporter(settings.logs));
            } else if (name.equals("console") || name.equals("logging")) {
                exporters.add(new ConsoleLogRecordExporter());
            }
        }
        return exporters;
    }

    /**
     * The scrape endpoint's reader when {@code OTEL_METRICS_EXPORTER} names {@code prometheus}, already listening;
     * else null, also when it cannot listen (the reason is one of {@link #problems}).
     */
    PrometheusReader prometheusReader() {
        if (settings.prometheus == null) {
            return null;
        }
        try {
            return PrometheusReader.serve(settings.prometheus, problems);
        } catch (LinkageError e) {
            // A runtime trimmed by jlink may lack the module.
            problems.add("credwatch serves Prometheus metrics with the JDK's HTTP server, and this Java runtime has no"
                    + " jdk.httpserver module (" + e + "); its metrics are not served, the application is not affected");
            return null;
        }
    }

    /** OTLP needs the JDK's HttpClient; said once for all signals. */
    private boolean otlpUsable() {
        if (javaVersion >= 11) {
            return true;
        }
        if (!javaTooOldReported) {
            javaTooOldReported = true;
            problems.add("credwatch sends OTLP with the JDK's HttpClient, which needs Java 11 or later; this is Java "
                    + javaVersion + ", so credwatch exports no OTLP data (its log lines are unaffected)");
        }
        return false;
    }
}
