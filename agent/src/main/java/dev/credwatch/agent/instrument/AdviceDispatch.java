package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.v1.V1CallTracker;
import dev.credwatch.agent.instrument.v1.V1FetchTracker;
import dev.credwatch.agent.instrument.v2.V2CallTracker;
import dev.credwatch.agent.instrument.v2.V2FetchTracker;
import dev.credwatch.agent.log.AgentLog;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Connects the advice to the trackers, once, before the first SDK class is woven (so a JVM that never uses
 * the SDK loads none of this), and tells for each SDK class loader whether advice woven there reaches them.
 *
 * <p>Advice links to {@link Hooks} through the loader of the SDK class it is woven into. Nearly every loader
 * (the class path, fat-jar launchers, servlet containers) delegates to the application class loader, which
 * holds the agent jar: nothing more is needed. A loader that does not (application servers' module loaders,
 * plugin hosts) reaches the agent only through the boot class path. Appending to it makes the JVM print a
 * warning and share fewer classes from its CDS archive, so credwatch does it only when the first SDK it
 * meets is in such a loader ({@link BootClassPath#reachFrom}), and then before the trackers exist, so that agent
 * and advice share one {@code Hooks}. An isolated SDK met after an ordinary one is left alone, with one line.
 */
final class AdviceDispatch {
    private static final int REPORTED_LOADERS = 3;

    private final Class<?> hooks;
    private final Map<ClassLoader, Boolean> reachable = new WeakHashMap<ClassLoader, Boolean>();
    private int unreachableReported;

    private AdviceDispatch(Class<?> hooks) {
        this.hooks = hooks;
    }

    /** Null if another copy of credwatch in this JVM got there first: it watches the SDK, this one stays out. */
    static AdviceDispatch install() {
        if (Hooks.install(new V1CallTracker(), new V1FetchTracker(), new V2CallTracker(), new V2FetchTracker())) {
            return new AdviceDispatch(Hooks.class);
        }
        AgentLog.info("another copy of credwatch already watches this JVM's AWS SDK; this one leaves it to that copy");
        return null;
    }

    /** Whether advice woven into a class of this loader links to the installed trackers. */
    synchronized boolean reaches(ClassLoader sdkLoader) {
        Boolean known = reachable.get(sdkLoader);
        if (known == null) {
            known = BootClassPath.loads(sdkLoader, hooks.getName()) == hooks;
            reachable.put(sdkLoader, known);
            if (!known && unreachableReported++ < REPORTED_LOADERS) {
                AgentLog.error("credwatch cannot reach the AWS SDK loaded by " + sdkLoader + ": that class loader "
                        + "does not delegate to the application class loader, and an SDK on the class path was met "
                        + "first; its calls are not diagnosed, the application is not affected");
            }
        }
        return known;
    }
}
