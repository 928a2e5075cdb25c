package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Arrays;
import java.util.List;

/**
 * SDK v2's {@code CachedSupplier} (utils, same shape 2.20 to 2.54): {@code refreshCache} runs each fetch of a
 * refreshing credentials provider (also an asynchronous prefetch, on its own thread), and hands the outcome to
 * {@code handleFetchedSuccess} or {@code handleFetchFailure}; the latter rethrows, or keeps the old keys while
 * they are still usable. Caches of other things than credentials are ignored by name.
 */
public final class CachedSupplierInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.utils.cache.CachedSupplier";

    public CachedSupplierInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advice("refreshCache", 0, "RefreshCacheAdvice"),
                advice("handleFetchedSuccess", 1, "HandleFetchedSuccessAdvice"),
                advice("handleFetchFailure", 1, "HandleFetchFailureAdvice"));
    }

    public static final class RefreshCacheAdvice {
        private RefreshCacheAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.This Object cachedSupplier) {
            return Hooks.v2Fetches().refreshStarting(cachedSupplier);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object state, @Advice.Thrown Throwable thrown) {
            if (state != null) {
                Hooks.v2Fetches().refreshEnded(state, thrown);
            }
        }
    }

    public static final class HandleFetchedSuccessAdvice {
        private HandleFetchedSuccessAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This Object cachedSupplier, @Advice.Argument(0) Object refreshResult) {
            Hooks.v2Fetches().fetched(cachedSupplier, refreshResult);
        }
    }

    /** Entry: the failure. Normal exit: the returned result holds the old keys the cache goes on serving. */
    public static final class HandleFetchFailureAdvice {
        private HandleFetchFailureAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(0) Throwable failure) {
            Hooks.v2Fetches().fetchFailed(failure);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This Object cachedSupplier, @Advice.Return Object refreshResult) {
            Hooks.v2Fetches().keptOldKeys(cachedSupplier, refreshResult);
        }
    }
}
