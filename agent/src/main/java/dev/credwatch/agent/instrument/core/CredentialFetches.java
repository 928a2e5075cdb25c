package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.credentials.CredentialClassifier;
import dev.credwatch.agent.credentials.CredentialFacts;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ExpiryRegistry;
import dev.credwatch.agent.credentials.FetchFailures;
import dev.credwatch.agent.credentials.ProviderCatalog;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.ObservationPipeline;

import java.util.concurrent.TimeUnit;

/**
 * The static entry points the SDKs' credential-provider advice calls, for both generations: a fetch starts,
 * says how it ended, and ends. A fetch a call waits for joins that call's observation; one that ran in the
 * background (an asynchronous refresh) is published on its own. It only watches the SDK's own fetches:
 * credwatch never asks a provider for anything.
 */
public final class CredentialFetches {
    private static final ThreadLocal<FetchRecording> CURRENT = new ThreadLocal<FetchRecording>();
    private static final InstrumentationGuard GUARD = new InstrumentationGuard("credential provider");
    private static final CredentialClassifier CLASSIFIER = new CredentialClassifier(ExpiryRegistry.shared());

    private CredentialFetches() {
    }

    /**
     * A provider starts fetching. Returns the state for {@link #ended}, or null when {@code provider} (a simple
     * class name) is no credentials provider credwatch knows: the SDKs' caches hold other things too.
     */
    public static Object started(String sdk, String provider) {
        if (GUARD.isOff() || provider == null || !isCredentialsProvider(sdk, provider)) {
            return null;
        }
        FetchRecording fetch = new FetchRecording(CURRENT.get(), sdk, provider, CurrentCall.get());
        CURRENT.set(fetch);
        return fetch;
    }

    /**
     * A cache starts refreshing without saying whose it is (SDK v2's STS providers name their cache before
     * their own fields are set): the fetch counts once {@link #named} names a credentials provider.
     */
    public static Object startedUnnamed(String sdk) {
        if (GUARD.isOff()) {
            return null;
        }
        FetchRecording fetch = new FetchRecording(CURRENT.get(), sdk, null, CurrentCall.get());
        CURRENT.set(fetch);
        return fetch;
    }

    /** The provider whose refresh runs on this thread now, for a fetch started unnamed. */
    public static void named(String provider) {
        FetchRecording fetch = CURRENT.get();
        if (fetch != null && fetch.provider == null && provider != null && isCredentialsProvider(fetch.sdk, provider)) {
            fetch.provider = provider;
        }
    }

    /** True while a provider fetches on this thread: an SDK call now is the provider's own (STS, SSO). */
    public static boolean inProgress() {
        FetchRecording fetch = CURRENT.get();
        return fetch != null && fetch.provider != null;
    }

    /** New keys arrived; {@code keys} holds what the SDK handed over (key id, session or not, expiry). */
    public static void succeeded(CredentialFacts keys) {
        FetchRecording fetch = CURRENT.get();
        if (fetch != null) {
            fetch.end = FetchRecording.FetchEnd.SUCCEEDED;
            fetch.keys = classify(fetch, keys);
        }
    }

    /** The fetch failed with {@code failure}; the code and status of the service's answer when it gave one. */
    public static void failed(Throwable failure, String awsErrorCode, int httpStatus) {
        FetchRecording fetch = CURRENT.get();
        if (fetch != null) {
            failed(failure, awsErrorCode, httpStatus, fetch);
        }
    }

    /** What the provider held when the fetch began, to tell afterwards whether anything was fetched at all. */
    public static Object heldBefore(Object state) {
        return state instanceof FetchRecording ? ((FetchRecording) state).heldBefore : null;
    }

    public static void heldBefore(Object state, Object held) {
        if (state instanceof FetchRecording) {
            ((FetchRecording) state).heldBefore = held;
        }
    }

    /** True when the fetch has said how it ended (succeeded, failed). */
    public static boolean hasEnded(Object state) {
        return state instanceof FetchRecording && ((FetchRecording) state).end != null;
    }

    /** After a failure, the provider goes on handing out the keys it fetched before. */
    public static void servingOldKeys(CredentialFacts keys) {
        FetchRecording fetch = CURRENT.get();
        if (fetch != null && fetch.end == FetchRecording.FetchEnd.FAILED) {
            fetch.end = FetchRecording.FetchEnd.FAILED_SERVING_OLD_KEYS;
            fetch.keys = classify(fetch, keys);
        }
    }

    /** A step failed and the SDK fell back (IMDSv2's token request, then IMDSv1): the usual cause of slowness. */
    public static void stepFailed(String reasonCode) {
        FetchRecording fetch = CURRENT.get();
        if (fetch != null && fetch.failedStep == null) {
            fetch.failedStep = reasonCode;
        }
    }

    /** The fetch is over; {@code thrown} is what it threw to the provider's caller, if anything. */
    public static void ended(Object state, Throwable thrown) {
        if (!(state instanceof FetchRecording)) {
            return;
        }
        FetchRecording fetch = (FetchRecording) state;
        CURRENT.set(fetch.enclosing);
        if (fetch.enclosing == null) {
            CURRENT.remove();
        }
        try {
            if (thrown != null && fetch.end == null) {
                failed(thrown, null, 0, fetch);
            }
            if (fetch.end != null && fetch.provider != null) {
                CredentialFetch observed = observe(fetch);
                // A chain tries providers nobody configured here (no container URI, IMDS switched off): no fetch.
                if (!FetchFailures.notConfigured(observed.reason())) {
                    deliver(fetch, observed);
                }
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    private static void failed(Throwable failure, String code, int status, FetchRecording fetch) {
        fetch.end = FetchRecording.FetchEnd.FAILED;
        fetch.failure = failure;
        fetch.failureCode = code;
        fetch.failureStatus = status;
    }

    private static CredentialFetch observe(FetchRecording fetch) {
        CredentialSource source = catalog(fetch.sdk, fetch.provider).source();
        boolean failed = fetch.end != FetchRecording.FetchEnd.SUCCEEDED;
        CredentialInfo keys = fetch.keys != null ? fetch.keys
                : CredentialInfo.builder().provider(fetch.provider).source(source).build();
        CredentialFetch.Outcome outcome = fetch.end == FetchRecording.FetchEnd.SUCCEEDED ? CredentialFetch.Outcome.OK
                : fetch.end == FetchRecording.FetchEnd.FAILED ? CredentialFetch.Outcome.FAILED
                : CredentialFetch.Outcome.FAILED_SERVING_OLD_KEYS;
        return new CredentialFetch(fetch.sdk, fetch.provider, source, fetch.startEpochMillis,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fetch.startNanos), outcome,
                failed ? FetchFailures.reason(source, fetch.failureCode, fetch.failureStatus, fetch.failure) : null,
                fetch.failedStep,
                failed ? FetchFailures.detail(fetch.failureCode, fetch.failureStatus, fetch.failure) : null, keys);
    }

    /** To the call that waited, else on its own: the call's observation is published after its fetches. */
    private static void deliver(FetchRecording fetch, CredentialFetch observed) {
        if (fetch.waitingCall != null) {
            fetch.waitingCall.addFetch(observed);
        } else {
            ObservationPipeline.publish(observed);
        }
    }

    private static CredentialInfo classify(FetchRecording fetch, CredentialFacts keys) {
        CredentialFacts facts = keys.supplier(fetch.provider);
        return "v1".equals(fetch.sdk) ? CLASSIFIER.v1(facts) : CLASSIFIER.v2(facts);
    }

    private static boolean isCredentialsProvider(String sdk, String provider) {
        ProviderCatalog.Entry entry = catalog(sdk, provider);
        return entry.isKnown() && entry.source() != CredentialSource.STATIC
                && entry.source() != CredentialSource.ANONYMOUS;
    }

    private static ProviderCatalog.Entry catalog(String sdk, String provider) {
        return "v1".equals(sdk) ? ProviderCatalog.forProvider(provider) : ProviderCatalog.forV2Provider(provider);
    }
}
