package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * {@code OTEL_TRACES_EXPORTER=console}: one line per span in credwatch's own log. Not the SDK's logging
 * exporter: that one writes through java.util.logging, whose shutdown hook may close its handler before
 * credwatch's last spans are written at exit.
 */
final class ConsoleSpanExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            StringBuilder events = new StringBuilder();
            for (EventData event : span.getEvents()) {
                events.append(events.length() == 0 ? "" : " ").append(event.getName()).append(event.getAttributes());
            }
            AgentLog.info("span " + span.getName(), "trace_id", span.getTraceId(), "span_id", span.getSpanId(),
                    "parent_span_id", span.getParentSpanContext().isValid() ? span.getParentSpanId() : null,
                    "kind", span.getKind(), "status", span.getStatus().getStatusCode(),
                    "duration_ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000,
                    "attributes", span.getAttributes().toString(), "events", events.length() == 0 ? null : events);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
