package dev.credwatch.agent.instrument.dispatch;

/** SDK v1's request execution, as {@code AmazonHttpClient$RequestExecutor}'s advice reports it. */
public interface V1CallHooks {
    /** {@code doExecute} entered; returns the call's token for {@link #callEnded}. */
    Object callStarted(Object executor);

    void credentialsResolved(Object credentials);

    void attemptFailed(Object serviceException);

    void outcomeBeforeHandlers(Object request, Object executionContext, Object response, Throwable thrown);

    void callEnded(Object call, Object request, Object executionContext, Object response, Throwable thrown);
}
