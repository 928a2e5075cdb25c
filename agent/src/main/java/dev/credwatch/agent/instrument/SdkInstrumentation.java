package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.core.SpanLinks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.log.AgentLog;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers credwatch's transformer and retransforms the SDK classes a JVM had already loaded before a
 * runtime attach. Instead of a broad matcher with an ignore list, credwatch names the exact SDK types
 * it instruments: the cheapest match there is, and nothing of other agents or the JDK is ever touched.
 */
public final class SdkInstrumentation {
    private SdkInstrumentation() {
    }

    /**
     * @param lateAttach true for a runtime attach, when SDK classes may be loaded already
     * @param linkSpans  true when calls are to be linked to OpenTelemetry spans (the {@code otel} setting)
     * @param exporting  true when credwatch exports spans of its own
     */
    public static void install(Instrumentation instrumentation, boolean lateAttach, boolean linkSpans,
                               boolean exporting) {
        SpanLinks.set(linkSpans, exporting);
        Map<String, TypeInstrumentation> targets = Instrumentations.byInternalName();
        // Retransformable only when SDK classes may be loaded already: a retransformable transformer makes the
        // JVM's hook for every class it loads dearer, and with -javaagent every SDK class is still to come.
        instrumentation.addTransformer(new SdkClassFilter(instrumentation, targets), lateAttach);
        if (lateAttach) {
            retransformLoadedTargets(instrumentation, targets.keySet());
        }
    }

    private static void retransformLoadedTargets(Instrumentation instrumentation, Set<String> targets) {
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (targets.contains(type.getName().replace('.', '/')) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Throwable t) {
            AgentLog.error("credwatch could not instrument the AWS SDK classes already loaded (" + t
                    + "); calls through clients built before the attach are not diagnosed");
        }
    }
}
