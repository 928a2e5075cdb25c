package dev.credwatch.agent.instrument.dispatch;

/** SDK v2's calls, sync and async, as the execution interceptor chain and its stages' advice reports them. */
public interface V2CallHooks {
    /** {@code beforeExecution} entered; returns the token for {@link #startEnded}. */
    Object callStarted(Object executionAttributes);

    void startEnded(Object token, Object executionAttributes, Throwable thrown);

    /** Returns the token for {@link #startEnded}. */
    Object credentialsRequested(Object strategy, Object executionAttributes);

    void attemptFailed(Object retryHelper, Throwable exception);

    void successBeforeInterceptors(Object context, Object executionAttributes);

    void successAfterInterceptors(Object context, Object executionAttributes);

    void failureBeforeInterceptors(Object failedContext, Object executionAttributes);
}
