package dev.credwatch.agent.instrument.v2;

import io.opentelemetry.javaagent.shaded.instrumentation.awssdk.v2_2.internal.TracingExecutionInterceptor;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class OtelAgentContextKeyTest {

    @Test
    void findsTheKeyUnderWhichTheAgentsInterceptorKeepsItsSpan() {
        assertThat(OtelAgentContextKey.contextKey(OtelAgentContextKeyTest.class.getClassLoader()))
                .isSameAs(TracingExecutionInterceptor.contextKey());
    }

    @Test
    void withoutTheAgentsInterceptorThereIsNoKey() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(OtelAgentContextKey.contextKey(empty)).isNull();
        }
    }

    @Test
    void theInterceptorIsNamedInTheAgentsRelocatedPackage() {
        assertThat(OtelAgentContextKey.INTERCEPTORS[0]).isEqualTo(
                "io.opentelemetry.javaagent.shaded.instrumentation.awssdk.v2_2.internal.TracingExecutionInterceptor");
    }
}
