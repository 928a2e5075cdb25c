package dev.credwatch.agent.otelbridge;

import dev.credwatch.agent.observation.TraceParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In the unit tests the OpenTelemetry API on the class path is unshaded, so it stands for an application's
 * own API (the OpenTelemetry Java agent's relocated copy is absent here).
 */
class ForeignOtelTest {

    @Test
    void readsTheApplicationsCurrentSpanThroughItsOwnApi() {
        // With a processor: since SDK 1.6x a provider without one hands out invalid spans.
        Span span = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
                .build().get("app").spanBuilder("checkout").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            TraceParent parent = ForeignOtel.currentSpan(ForeignOtelTest.class);

            assertThat(parent).isNotNull();
            assertThat(parent.traceId()).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(parent.spanId()).isEqualTo(span.getSpanContext().getSpanId());
            assertThat(parent.sampled()).isTrue();
        } finally {
            span.end();
        }
    }

    @Test
    void noCurrentSpanIsNoParent() {

        assertThat(ForeignOtel.currentSpan(ForeignOtelTest.class)).isNull();
    }

    @Test
    void withoutTheOpenTelemetryJavaAgentNothingIsDecorated() {
        assertThat(ForeignOtel.agentPresent()).isFalse();
        assertThat(ForeignOtel.decorateAgentSpan(null, null, new SpanAttributes().add("credwatch.diagnosis", "x"),
                "credwatch.warning", java.util.List.of())).isNull();
    }

    @Test
    void theForeignPackageNamesAreTheUnshadedOnes() {
        assertThat(ForeignOtel.APPLICATION_PREFIX).isEqualTo("io.opentelemetry");
        assertThat(ForeignOtel.AGENT_PREFIX).isEqualTo("io.opentelemetry.javaagent.shaded.io.opentelemetry");
    }

    @Test
    void aSpanKeptInAContextIsDecoratedWithoutBeingCurrent() throws Throwable {
        ForeignSpanApi api = ForeignSpanApi.find(ForeignOtel.APPLICATION_PREFIX, getClass().getClassLoader(), "test");
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        Span span = tracing.get("agent").spanBuilder("Sts.GetCallerIdentity").startSpan();

        Object found = api.spanOf(Context.root().with(span));
        SpanAttributes attributes = new SpanAttributes().add("credwatch.diagnosis", "invalid_credentials")
                .add("credwatch.ttl_s", 42L).add("credwatch.status", 403);
        ForeignOtel.decorate(api, found, attributes, "credwatch.warning",
                List.of(Map.of("credwatch.code", "InvalidClientTokenId")));
        // Twice: the second time every key comes from the API's cache of keys, and must still be the same key.
        ForeignOtel.decorate(api, found, attributes.add("credwatch.ttl_s", 41L), "credwatch.warning", List.of());
        span.end();

        assertThat(found).isSameAs(span);
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        SpanData exported = exporter.getFinishedSpanItems().get(0);
        assertThat(exported.getAttributes().get(AttributeKey.stringKey("credwatch.diagnosis")))
                .isEqualTo("invalid_credentials");
        assertThat(exported.getAttributes().get(AttributeKey.longKey("credwatch.ttl_s"))).isEqualTo(41L);
        assertThat(exported.getAttributes().get(AttributeKey.longKey("credwatch.status"))).isEqualTo(403L);
        assertThat(exported.getAttributes().size()).isEqualTo(3);
        assertThat(exported.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("credwatch.warning");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("credwatch.code")))
                    .isEqualTo("InvalidClientTokenId");
        });
    }

    @Test
    void somethingElseThanAContextHoldsNoSpan() {
        ForeignSpanApi api = ForeignSpanApi.find(ForeignOtel.APPLICATION_PREFIX, getClass().getClassLoader(), "test");

        assertThatThrownBy(() -> api.spanOf("not a context")).isInstanceOf(ClassCastException.class);
    }

    @Test
    void withoutTheOpenTelemetryJavaAgentNoSpanIsLookedFor() {

        assertThat(ForeignOtel.agentPresent()).isFalse();
        assertThat(ForeignOtel.agentSpanIn(Context.root())).isNull();
    }
}
