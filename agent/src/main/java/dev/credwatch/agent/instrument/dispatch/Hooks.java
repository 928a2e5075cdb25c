package dev.credwatch.agent.instrument.dispatch;

/**
 * Where the advice woven into SDK classes finds credwatch. This package is copied onto the boot class path,
 * which every class loader delegates to, so the advice links whatever loader holds the SDK: an application
 * server's module loader, a plugin host's isolated loader, a fat jar's launcher. The trackers behind these
 * references live in the agent's own loader, with everything else credwatch has. The package uses
 * {@code java.lang} only, so that nothing of the agent leaks onto the boot class path with it.
 */
public final class Hooks {
    private static volatile V1CallHooks v1Calls;
    private static volatile V1FetchHooks v1Fetches;
    private static volatile V2CallHooks v2Calls;
    private static volatile V2FetchHooks v2Fetches;

    private Hooks() {
    }

    /**
     * Installs the trackers before any advice is woven. False if a credwatch installed its own already: a
     * second copy of the agent in the JVM (another loader, another route) then stays out, and the JVM
     * gets one credwatch, not two.
     */
    public static synchronized boolean install(V1CallHooks v1Call, V1FetchHooks v1Fetch, V2CallHooks v2Call,
                                               V2FetchHooks v2Fetch) {
        if (v1Calls != null) {
            return false;
        }
        v1Fetches = v1Fetch;
        v2Calls = v2Call;
        v2Fetches = v2Fetch;
        v1Calls = v1Call;
        return true;
    }

    public static V1CallHooks v1Calls() {
        return v1Calls;
    }

    public static V1FetchHooks v1Fetches() {
        return v1Fetches;
    }

    public static V2CallHooks v2Calls() {
        return v2Calls;
    }

    public static V2FetchHooks v2Fetches() {
        return v2Fetches;
    }
}
