package dev.credwatch.it.apps;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * An application that traces itself with its own OpenTelemetry SDK, registered as
 * {@link GlobalOpenTelemetry}: it makes {@link V1App}'s calls inside a span of its own and prints that
 * span's ids ({@code PARENT <trace id> <span id>}), so a test can check that credwatch's span joined it.
 * Without the OpenTelemetry Java agent it builds the SDK itself; with the agent, the agent's is global.
 */
public final class TracedV1App {
    private TracedV1App() {
    }

    public static void main(String[] args) {
        if (!Boolean.getBoolean("app.globalFromAgent")) {
            // A processor, as a real application has one: since SDK 1.6x a provider without one makes invalid spans.
            OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite())).build())
                    .buildAndRegisterGlobal();
        }
        Span span = GlobalOpenTelemetry.getTracer("traced-app").spanBuilder("checkout").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            System.out.println("PARENT " + span.getSpanContext().getTraceId() + " " + span.getSpanContext().getSpanId());
            V1App.main(args);
        } finally {
            span.end();
        }
    }
}
