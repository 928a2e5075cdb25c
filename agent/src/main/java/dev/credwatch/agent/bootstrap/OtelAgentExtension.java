package dev.credwatch.agent.bootstrap;

import io.opentelemetry.javaagent.extension.AgentListener;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.lang.instrument.Instrumentation;

/**
 * The entry point when the OpenTelemetry Java agent loads this jar as an extension
 * ({@code -Dotel.javaagent.extensions=credwatch-agent.jar}). Of the agent's extension SPIs this is the smallest
 * that runs once, in its premain, after its own instrumentation is installed: credwatch then starts exactly as
 * with {@code -javaagent}, configured by its {@code credwatch.*} properties and {@code CREDWATCH_*} variables
 * only. The SDK the agent passes is not used: credwatch reaches that agent's OpenTelemetry the same way on both
 * routes (its relocated API on the boot class path), so the two routes behave alike.
 */
public final class OtelAgentExtension implements AgentListener {
    // Joined at run time, like ForeignOtel's names: the shade plugin would relocate the constant.
    private static final String INSTRUMENTATION_HOLDER = String.join(".", "io", "opentelemetry", "javaagent",
            "bootstrap", "InstrumentationHolder");

    @Override
    public void afterAgent(AutoConfiguredOpenTelemetrySdk agentSdk) {
        Instrumentation instrumentation;
        try {
            instrumentation = (Instrumentation) Class.forName(INSTRUMENTATION_HOLDER, false, null)
                    .getMethod("getInstrumentation").invoke(null);
        } catch (Throwable t) {
            instrumentation = null;
        }
        if (instrumentation == null) {
            System.err.println("[credwatch] ERROR credwatch could not start as an OpenTelemetry Java agent extension: "
                    + "that agent did not hand over its instrumentation; add -javaagent:credwatch-agent.jar instead");
            return;
        }
        CredwatchAgent.startAsExtension(instrumentation);
    }
}
