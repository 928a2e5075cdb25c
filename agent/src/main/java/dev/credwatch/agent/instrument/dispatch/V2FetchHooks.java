package dev.credwatch.agent.instrument.dispatch;

/** SDK v2's credential fetches: every refreshing provider's {@code CachedSupplier}, STS, the IMDSv2 token. */
public interface V2FetchHooks {
    Object refreshStarting(Object cachedSupplier);

    void stsRefreshing(Object provider);

    void fetched(Object cachedSupplier, Object refreshResult);

    void fetchFailed(Throwable failure);

    void keptOldKeys(Object cachedSupplier, Object refreshResult);

    void refreshEnded(Object state, Throwable thrown);

    void tokenRequestEnded(Object token, Throwable thrown);
}
