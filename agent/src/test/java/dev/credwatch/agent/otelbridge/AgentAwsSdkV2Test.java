package dev.credwatch.agent.otelbridge;

import io.opentelemetry.javaagent.shaded.instrumentation.awssdk.v2_2.internal.TracingExecutionInterceptor;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class AgentAwsSdkV2Test {

    @Test
    void findsTheKeyUnderWhichTheAgentsInterceptorKeepsItsSpan() {
        assertThat(AgentAwsSdkV2.contextKey(AgentAwsSdkV2Test.class.getClassLoader()))
                .isSameAs(TracingExecutionInterceptor.contextKey());
    }

    @Test
    void withoutTheAgentsInterceptorThereIsNoKey() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(AgentAwsSdkV2.contextKey(empty)).isNull();
        }
    }

    @Test
    void theInterceptorIsNamedInTheAgentsRelocatedPackage() {
        assertThat(AgentAwsSdkV2.INTERCEPTORS[0]).isEqualTo(
                "io.opentelemetry.javaagent.shaded.instrumentation.awssdk.v2_2.internal.TracingExecutionInterceptor");
    }
}
