package dev.credwatch.agent.bootstrap;

import io.opentelemetry.javaagent.extension.AgentListener;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.lang.instrument.Instrumentation;

/**
 * The entry point when the OpenTelemetry Java agent loads this jar as an extension
 * ({@code -Dotel.javaagent.extensions=credwatch-agent.jar}). Of that agent's extension SPIs this is the smallest
 * that runs once, in its premain, after its own instrumentation is installed.
 *
 * <p>It is only a launcher: it puts the jar on the system class path, as {@code -javaagent} does, and starts the
 * copy there, exactly as premain would. So the two routes are one credwatch in one class loader: used together,
 * in either order, the second start finds the first ({@link CredwatchAgent}'s guard); advice in any application
 * loader reaches the trackers as on the {@code -javaagent} route (a copy in the extension's loader would need the
 * boot class path, and the JVM's line about it); and nothing else of credwatch loads in the agent's loaders.
 */
public final class OtelAgentExtension implements AgentListener {
    // Joined at run time, like ForeignOtel's names: the shade plugin would relocate the constant.
    private static final String INSTRUMENTATION_HOLDER = String.join(".", "io", "opentelemetry", "javaagent",
            "bootstrap", "InstrumentationHolder");
    private static final String AGENT = "dev.credwatch.agent.bootstrap.CredwatchAgent";

    @Override
    public void afterAgent(AutoConfiguredOpenTelemetrySdk agentSdk) {
        try {
            Instrumentation instrumentation = (Instrumentation) Class.forName(INSTRUMENTATION_HOLDER, false, null)
                    .getMethod("getInstrumentation").invoke(null);
            if (instrumentation == null) {
                throw new IllegalStateException("that agent did not hand over its instrumentation");
            }
            instrumentation.appendToSystemClassLoaderSearch(ExtensionJar.find(System.getProperties(), System.getenv()));
            Class.forName(AGENT, true, ClassLoader.getSystemClassLoader())
                    .getMethod("extensionmain", Instrumentation.class).invoke(null, instrumentation);
        } catch (Throwable t) {
            System.err.println("[credwatch] ERROR credwatch could not start as an OpenTelemetry Java agent extension ("
                    + t + "); the application runs without it: add -javaagent:credwatch-agent.jar instead");
        }
    }
}
