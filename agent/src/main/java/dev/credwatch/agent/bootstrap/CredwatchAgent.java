package dev.credwatch.agent.bootstrap;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for runtime attach,
 * {@code main} for the jar's command line, and {@link OtelAgentExtension} when the OpenTelemetry Java agent loads
 * the jar as its extension. Tiny on purpose: it only guards the host from the agent, and the JVM from a second
 * credwatch (both routes at once load the jar twice, in two class loaders).
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

    static void startAsExtension(Instrumentation instrumentation) {
        // Classes may be loaded already: the agent can delay its listeners until the application configured logging.
        start(null, instrumentation, "extension");
    }

    public static void main(String[] arguments) {
        System.exit(AttachCommand.run(arguments, System.out, System.err));
    }

    private static void start(String arguments, Instrumentation instrumentation, String mode) {
        // A second attach (or -javaagent plus attach) finds the agent already running: nothing to do.
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            String other = OtherCopy.describe(instrumentation);
            if (other != null) {
                System.err.println("[credwatch] INFO credwatch already runs in this JVM (" + other + "); the copy "
                        + "started by " + mode + " stays out, so the application gets one credwatch, not two");
                return;
            }
            AgentStartup.start(arguments, instrumentation, mode);
        } catch (Throwable t) {
            System.err.println("[credwatch] ERROR credwatch could not start (" + t
                    + "); the application runs without it");
        }
    }
}
