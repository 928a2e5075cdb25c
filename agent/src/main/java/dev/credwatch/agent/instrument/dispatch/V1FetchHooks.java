package dev.credwatch.agent.instrument.dispatch;

/** SDK v1's credential fetches: instance metadata and container fetchers, STS sessions, credential_process. */
public interface V1FetchHooks {
    Object fetcherStarting(Object fetcher);

    void fetcherFailed(Object[] arguments);

    void fetcherKeptOldKeys(Object fetcher);

    void fetcherEnded(Object state, Object fetcher, Throwable thrown);

    Object sessionRefreshStarting(Object task);

    void sessionRefreshEnded(Object state, Object task, Throwable thrown);

    Object processRefreshStarting();

    void processRefreshEnded(Object state, Object provider, Throwable thrown);

    void tokenRequestFailed();
}
