package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.returned;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

/**
 * SDK v2's {@code CachedSupplier} (utils, same shape 2.20 to 2.54): {@code refreshCache} runs each fetch of a
 * refreshing credentials provider (also an asynchronous prefetch, on its own thread), and hands the outcome to
 * {@code handleFetchedSuccess} or {@code handleFetchFailure}; the latter rethrows, or keeps the old keys while
 * they are still usable. Caches of other things than credentials are ignored by name.
 */
public final class CachedSupplierInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.utils.cache.CachedSupplier";

    public CachedSupplierInstrumentation() {
        super(TYPE, V2_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advise("refreshCache", 0).onEnter("refreshStarting", self())
                        .onExit("refreshEnded", entered(), thrown()),
                advise("handleFetchedSuccess", 1).onEnter("fetched", self(), argument(0)),
                // Entry: the failure. Normal exit: the returned result holds the old keys the cache goes on serving.
                advise("handleFetchFailure", 1).onEnter("fetchFailed", argument(0))
                        .onExit("keptOldKeys", self(), returned()));
    }
}
