package dev.credwatch.agent.instrument;

import dev.credwatch.agent.log.AgentLog;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transformer the JVM calls for every class it loads. It costs one set lookup per class. Byte Buddy
 * is loaded only in a JVM that uses the AWS SDK: the first SDK class of any kind starts building it on
 * a background thread, while the application is still constructing its clients, so that by the time
 * the class credwatch instruments arrives the work is done (or nearly) and start-up barely notices.
 */
final class SdkClassFilter implements ClassFileTransformer {
    private static final String SDK_V1_PREFIX = "com/amazonaws/";
    private static final String SDK_V2_PREFIX = "software/amazon/awssdk/";

    private final Instrumentation instrumentation;
    private final Set<String> targetInternalNames;
    private final AtomicBoolean preparing = new AtomicBoolean();
    private volatile ClassFileTransformer byteBuddy;
    /** Null until the first SDK type is woven, and when another credwatch weaves the SDK. */
    private volatile AdviceDispatch dispatch;

    SdkClassFilter(Instrumentation instrumentation, Set<String> targetInternalNames) {
        this.instrumentation = instrumentation;
        this.targetInternalNames = targetInternalNames;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (className == null) {
            return null;
        }
        if (!targetInternalNames.contains(className)) {
            if (!preparing.get() && (className.startsWith(SDK_V1_PREFIX) || className.startsWith(SDK_V2_PREFIX))) {
                prepareInBackground(loader);
            }
            return null;
        }
        ClassFileTransformer transformer = byteBuddy(loader);
        AdviceDispatch reachable = dispatch;
        if (reachable == null || !reachable.reaches(loader)) {
            return null;
        }
        return transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private void prepareInBackground(ClassLoader sdkLoader) {
        if (preparing.compareAndSet(false, true)) {
            Thread thread = new Thread(new Preparation(sdkLoader), "credwatch-prepare");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** @param sdkLoader the loader of the first SDK class met, which decides how advice reaches credwatch */
    private ClassFileTransformer byteBuddy(ClassLoader sdkLoader) {
        ClassFileTransformer transformer = byteBuddy;
        if (transformer == null) {
            synchronized (this) {
                transformer = byteBuddy;
                if (transformer == null) {
                    BootClassPath.reachFrom(instrumentation, sdkLoader);
                    AdviceDispatch installed = AdviceDispatch.install();
                    transformer = installed != null ? ByteBuddyTransformer.create() : new Untouched();
                    dispatch = installed;
                    byteBuddy = transformer;
                }
            }
        }
        return transformer;
    }

    /** A named class rather than a lambda: lambdas bootstrap through classes this filter itself sees load. */
    private final class Preparation implements Runnable {
        private final ClassLoader sdkLoader;

        Preparation(ClassLoader sdkLoader) {
            this.sdkLoader = sdkLoader;
        }

        @Override
        public void run() {
            try {
                ClassFileTransformer transformer = byteBuddy(sdkLoader);
                try {
                    ByteBuddyTransformer.warmUp(transformer);
                } catch (Throwable ignored) {
                    // Only a head start: the real transformation reports its own errors.
                }
            } catch (Throwable t) {
                AgentLog.error("credwatch could not prepare its instrumentation (" + t
                        + "); AWS calls are not diagnosed, the application is not affected");
            }
        }
    }

    /** Leaves every class as it is: another credwatch in this JVM weaves the SDK. */
    private static final class Untouched implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            return null;
        }
    }
}
