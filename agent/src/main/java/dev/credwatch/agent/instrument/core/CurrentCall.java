package dev.credwatch.agent.instrument.core;

/**
 * The SDK call in progress on this thread, if any: a credential fetch that starts while it is set is one the
 * call waits for. SDK v1 sets it for the whole call (a v1 call runs on one thread); SDK v2 only while the
 * call resolves its credentials (in {@code beforeExecution}, on the calling thread), since its async calls
 * move between threads afterwards.
 */
public final class CurrentCall {
    /**
     * A slot per thread that stays: setting and removing the thread local itself on every call cost a rehash
     * of the thread's map and a new entry on the next read. The slot holds a recording only while its call runs.
     */
    private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<Slot>() {
        @Override
        protected Slot initialValue() {
            return new Slot();
        }
    };
    /** What {@link #enterFor} hands back when nothing was current, so that {@link #leave} clears the thread. */
    private static final Object NOTHING_BEFORE = new Object();

    private CurrentCall() {
    }

    public static CallRecording get() {
        return CURRENT.get().recording;
    }

    /** Makes {@code recording} current and returns what was current before, for {@link #restore}. */
    public static CallRecording enter(CallRecording recording) {
        Slot slot = CURRENT.get();
        CallRecording previous = slot.recording;
        slot.recording = recording;
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
        CURRENT.get().recording = previous;
    }

    private static final class Slot {
        CallRecording recording;
    }
}
