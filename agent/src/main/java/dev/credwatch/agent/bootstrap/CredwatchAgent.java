package dev.credwatch.agent.bootstrap;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for runtime attach,
 * {@code main} for the jar's command line, {@code extensionmain} when the OpenTelemetry Java agent loaded the jar
 * as its extension ({@link OtelAgentExtension}). Tiny on purpose: it only guards the host from the agent.
 */
public final class CredwatchAgent {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CredwatchAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "premain");
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "attach");
    }

    /** Called by {@link OtelAgentExtension} in the copy it put on the system class path: premain's twin. */
    public static void extensionmain(Instrumentation instrumentation) {
        start(null, instrumentation, "extension");
    }

    public static void main(String[] arguments) {
        System.exit(AttachCommand.run(arguments, System.out, System.err));
    }

    private static void start(String arguments, Instrumentation instrumentation, String mode) {
        // A second attach, -javaagent plus attach, or -javaagent plus the extension route (both run this class, in the
        // system class loader) finds the agent already running: nothing to do.
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            AgentStartup.start(arguments, instrumentation, mode);
        } catch (Throwable t) {
            System.err.println("[credwatch] ERROR credwatch could not start (" + t
                    + "); the application runs without it");
        }
    }
}
