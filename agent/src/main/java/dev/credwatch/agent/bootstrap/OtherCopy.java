package dev.credwatch.agent.bootstrap;

import java.lang.instrument.Instrumentation;

/**
 * Finds a credwatch already started in this JVM from another copy of the jar: {@code -javaagent} and the
 * OpenTelemetry Java agent's extension route load it into two class loaders, in either order, and each copy
 * has its own statics. The loaded classes are the one record both copies see without leaving a trace the
 * application could notice (a system property would be one).
 */
final class OtherCopy {
    private OtherCopy() {
    }

    /** Which loader holds the other started copy, or null when this is the only one. */
    static String describe(Instrumentation instrumentation) {
        String started = AgentStartup.class.getName();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded != AgentStartup.class && loaded.getName().equals(started)) {
                ClassLoader loader = loaded.getClassLoader();
                return loader == null ? "from the boot class path" : "loaded by " + loader.getClass().getName();
            }
        }
        return null;
    }
}
