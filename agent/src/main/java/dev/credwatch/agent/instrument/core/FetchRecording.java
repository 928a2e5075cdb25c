package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.credentials.CredentialInfo;

/**
 * What one credential fetch collects between its start and its end, on the thread that runs it. Fetches nest
 * (an assume-role provider's STS call fetches the source credentials first), hence {@link #enclosing}.
 */
final class FetchRecording {
    final FetchRecording enclosing;
    final String sdk;
    /** Null until named, for a cache whose owner only says who it is once its refresh runs. */
    String provider;
    /** The call waiting for this fetch, or null for a background refresh. */
    final CallRecording waitingCall;
    final long startNanos = System.nanoTime();
    final long startEpochMillis = System.currentTimeMillis();
    /** Null until the SDK said how the fetch ended; a refresh that found the cache fresh never says. */
    FetchEnd end;
    CredentialInfo keys;
    Throwable failure;
    String failureCode;
    int failureStatus;
    /** The reason code of a step that failed before a fallback (IMDSv2's token request). */
    String failedStep;
    /** What the provider held when the fetch began (SDK v1's fetcher returns early when nothing is due). */
    Object heldBefore;

    FetchRecording(FetchRecording enclosing, String sdk, String provider, CallRecording waitingCall) {
        this.enclosing = enclosing;
        this.sdk = sdk;
        this.provider = provider;
        this.waitingCall = waitingCall;
    }

    enum FetchEnd {
        SUCCEEDED, FAILED, FAILED_SERVING_OLD_KEYS
    }
}
