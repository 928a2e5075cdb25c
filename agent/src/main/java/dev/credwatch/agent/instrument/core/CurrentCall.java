package dev.credwatch.agent.instrument.core;

/**
 * The SDK call in progress on this thread, if any: a credential fetch that starts while it is set is one the
 * call waits for. SDK v1 sets it for the whole call (a v1 call runs on one thread); SDK v2 only while the
 * call resolves its credentials (in {@code beforeExecution}, on the calling thread), since its async calls
 * move between threads afterwards.
 */
public final class CurrentCall {
    private static final ThreadLocal<CallRecording> CURRENT = new ThreadLocal<CallRecording>();
    /** What {@link #enterFor} hands back when nothing was current, so that {@link #leave} clears the thread. */
    private static final Object NOTHING_BEFORE = new Object();

    private CurrentCall() {
    }

    public static CallRecording get() {
        return CURRENT.get();
    }

    /** Makes {@code recording} current and returns what was current before, for {@link #restore}. */
    public static CallRecording enter(CallRecording recording) {
        CallRecording previous = CURRENT.get();
        CURRENT.set(recording);
        return previous;
    }

    /**
     * For advice that brackets a stretch of a call (SDK v2's credential resolution): makes {@code recording}
     * current and returns a token for {@link #leave}, or null when there is no recording.
     */
    public static Object enterFor(CallRecording recording) {
        if (recording == null) {
            return null;
        }
        CallRecording previous = enter(recording);
        return previous == null ? NOTHING_BEFORE : previous;
    }

    /** Undoes {@link #enterFor}; a null token (nothing was entered) does nothing. */
    public static void leave(Object token) {
        if (token == NOTHING_BEFORE) {
            restore(null);
        } else if (token instanceof CallRecording) {
            restore((CallRecording) token);
        }
    }

    public static void restore(CallRecording previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
