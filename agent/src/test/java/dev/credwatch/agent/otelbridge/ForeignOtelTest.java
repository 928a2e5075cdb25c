package dev.credwatch.agent.otelbridge;

import dev.credwatch.agent.observation.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the unit tests the OpenTelemetry API on the class path is unshaded, so it stands for an application's
 * own API (the OpenTelemetry Java agent's relocated copy is absent here).
 */
class ForeignOtelTest {

    @Test
    void readsTheApplicationsCurrentSpanThroughItsOwnApi() {
        ForeignOtel.enable();
        Span span = SdkTracerProvider.builder().build().get("app").spanBuilder("checkout").startSpan();
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
        ForeignOtel.enable();

        assertThat(ForeignOtel.currentSpan(ForeignOtelTest.class)).isNull();
    }

    @Test
    void withoutTheOpenTelemetryJavaAgentNothingIsDecorated() {
        assertThat(ForeignOtel.agentPresent()).isFalse();
        assertThat(ForeignOtel.decorateAgentSpan(null, java.util.Map.of("credwatch.diagnosis", "x"),
                "credwatch.warning", java.util.List.of())).isFalse();
    }

    @Test
    void theForeignPackageNamesAreTheUnshadedOnes() {
        assertThat(ForeignOtel.APPLICATION_PREFIX).isEqualTo("io.opentelemetry");
        assertThat(ForeignOtel.AGENT_PREFIX).isEqualTo("io.opentelemetry.javaagent.shaded.io.opentelemetry");
    }
}
