package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.exporter.otlp.internal.OtlpUserAgent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;

import java.util.Map;

/**
 * OTLP over HTTP for one signal, in protobuf or, for collectors and proxies that take only that, JSON
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL=http/json}). Both go through the SDK's own HTTP exporter and the JDK's
 * HttpClient sender; the SDK's public OTLP exporters are that same exporter with protobuf only. The SDK is pinned
 * and shaded, so its internal builder cannot change under credwatch. Each signal's exporter adds its marshaler.
 */
abstract class OtlpHttpExporter {
    static final String HTTP_JSON = "http/json";

    private final HttpExporter http;

    OtlpHttpExporter(OtelSettings.Signal signal, ExporterType protobuf, ExporterType json) {
        boolean asJson = HTTP_JSON.equals(signal.protocol);
        HttpExporterBuilder builder = new HttpExporterBuilder(asJson ? json : protobuf, signal.endpoint)
                .setTimeout(signal.timeout)
                // Retries would hold the single export thread; a lost batch is counted instead.
                .setRetryPolicy(null)
                // The exporter's self-metrics would go to a global credwatch never sets.
                .setMeterProvider(MeterProvider::noop);
        OtlpUserAgent.addUserAgentHeader(builder::addConstantHeaders);
        for (Map.Entry<String, String> header : signal.headers.entrySet()) {
            builder.addConstantHeaders(header.getKey(), header.getValue());
        }
        if (signal.compression.equals("gzip")) {
            builder.setCompression("gzip");
        }
        if (asJson) {
            builder.exportAsJson();
        }
        http = builder.build();
    }

    final CompletableResultCode send(Marshaler request, int items) {
        return http.export(request, items);
    }

    /** Nothing is buffered here: each export is one request. */
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    public CompletableResultCode shutdown() {
        return http.shutdown();
    }
}
