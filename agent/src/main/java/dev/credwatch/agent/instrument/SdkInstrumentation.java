package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.v1.RequestExecutorInstrumentation;
import dev.credwatch.agent.instrument.v2.InterceptorChainInstrumentation;
import dev.credwatch.agent.instrument.v2.PreSraCredentialsInstrumentation;
import dev.credwatch.agent.instrument.v2.RetryHelperInstrumentation;
import dev.credwatch.agent.report.AgentLog;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers credwatch's transformer and retransforms the SDK classes a JVM had already loaded before a
 * runtime attach. Instead of a broad matcher with an ignore list, credwatch names the exact SDK types
 * it instruments: the cheapest match there is, and nothing of other agents or the JDK is ever touched.
 */
public final class SdkInstrumentation {
    /** Internal names (slashes) of every instrumented type; compile-time constants, so nothing loads early. */
    private static final Set<String> TARGETS = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            RequestExecutorInstrumentation.TYPE.replace('.', '/'),
            InterceptorChainInstrumentation.TYPE.replace('.', '/'),
            RetryHelperInstrumentation.TYPE.replace('.', '/'),
            PreSraCredentialsInstrumentation.TYPE.replace('.', '/'))));

    private SdkInstrumentation() {
    }

    /** @param lateAttach true for a runtime attach, when SDK classes may be loaded already */
    public static void install(Instrumentation instrumentation, boolean lateAttach) {
        instrumentation.addTransformer(new SdkClassFilter(TARGETS), true);
        if (lateAttach) {
            retransformLoadedTargets(instrumentation);
        }
    }

    private static void retransformLoadedTargets(Instrumentation instrumentation) {
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (TARGETS.contains(type.getName().replace('.', '/')) && instrumentation.isModifiableClass(type)) {
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
