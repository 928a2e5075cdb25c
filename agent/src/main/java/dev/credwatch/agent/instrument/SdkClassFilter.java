package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.instrument.weave.ClassWeaver;
import dev.credwatch.agent.log.AgentLog;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The transformer the JVM calls for every class it loads. It costs one map lookup per class; the dozen SDK
 * classes credwatch instruments are woven right there, on the loading thread, which takes a few milliseconds
 * with ASM alone. The trackers behind the hooks are installed when the first of them arrives, so a JVM that
 * never uses the AWS SDK loads none of that.
 */
final class SdkClassFilter implements ClassFileTransformer {
    private final Instrumentation instrumentation;
    private final Map<String, TypeInstrumentation> targets;
    private final Set<String> reportedFailures = new HashSet<String>();
    private boolean installed;
    /** Null until the first SDK type is woven, and when another credwatch weaves the SDK. */
    private AdviceDispatch dispatch;

    SdkClassFilter(Instrumentation instrumentation, Map<String, TypeInstrumentation> targets) {
        this.instrumentation = instrumentation;
        this.targets = targets;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        TypeInstrumentation target = className == null ? null : targets.get(className);
        if (target == null) {
            return null;
        }
        AdviceDispatch reachable = dispatch(loader);
        if (reachable == null || !reachable.reaches(loader)) {
            return null;
        }
        try {
            return ClassWeaver.weave(classfileBuffer, target.advisedMethods());
        } catch (Throwable t) {
            reportOnce(target.typeName(), t);
            return null;
        }
    }

    /** @param sdkLoader the loader of the first SDK class met, which decides how advice reaches credwatch */
    private synchronized AdviceDispatch dispatch(ClassLoader sdkLoader) {
        if (!installed) {
            installed = true;
            BootClassPath.reachFrom(instrumentation, sdkLoader);
            dispatch = AdviceDispatch.install();
        }
        return dispatch;
    }

    /** A failed weaving leaves the type as it is: once per type, a line says so. */
    private synchronized void reportOnce(String typeName, Throwable failure) {
        if (reportedFailures.add(typeName)) {
            AgentLog.error("credwatch could not instrument " + typeName + " (" + failure
                    + "); calls through it are not diagnosed, the application is not affected");
        }
    }
}
