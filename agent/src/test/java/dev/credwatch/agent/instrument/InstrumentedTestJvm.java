package dev.credwatch.agent.instrument;

import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs credwatch's instrumentation into the test JVM once: the in-process tests of both SDK generations
 * share one surefire JVM, and a second install would advise every SDK method twice.
 */
public final class InstrumentedTestJvm {
    private static boolean installed;

    private InstrumentedTestJvm() {
    }

    public static synchronized void install() {
        if (!installed) {
            // As a runtime attach: the SDK classes of earlier tests may be loaded already.
            SdkInstrumentation.install(ByteBuddyAgent.install(), true, false, false);
            installed = true;
        }
    }
}
