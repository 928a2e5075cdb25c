package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialFacts;
import dev.credwatch.agent.instrument.dispatch.V2FetchHooks;
import dev.credwatch.agent.instrument.core.CredentialFetches;
import dev.credwatch.agent.instrument.core.ServiceError;
import dev.credwatch.agent.instrument.core.SdkValues;

import java.time.Instant;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;
import static dev.credwatch.agent.instrument.core.SdkValues.present;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * What the v2 credential-provider advice calls. Every refreshing v2 provider (instance metadata, container, STS,
 * SSO, process) caches its keys in a {@code CachedSupplier}, whose {@code refreshCache} runs each fetch,
 * blocking the caller or, for an asynchronous prefetch, on a background thread.
 */
public final class V2FetchTracker implements V2FetchHooks {
    public V2FetchTracker() {
    }

    @Override
    public Object refreshStarting(Object cachedSupplier) {
        Object state = CredentialFetches.started("v2", providerOf(cachedSupplier));
        return state != null ? state : CredentialFetches.startedUnnamed("v2");
    }

    /** {@code StsCredentialsProvider.updateSessionCredentials}: the STS provider whose cache is refreshing. */
    @Override
    public void stsRefreshing(Object provider) {
        CredentialFetches.named(SdkValues.simpleName(provider));
    }

    /** {@code handleFetchedSuccess}: the provider produced new keys. */
    @Override
    public void fetched(Object cachedSupplier, Object refreshResult) {
        CredentialFetches.succeeded(keys(providerOf(cachedSupplier), refreshResult));
    }

    /** {@code handleFetchFailure} entered: the fetch failed; the cache rethrows or keeps its old keys. */
    @Override
    public void fetchFailed(Throwable failure) {
        ServiceError error = V2ServiceError.read(failure);
        CredentialFetches.failed(failure, error.errorCode(), ServiceError.statusOnCauseChain(failure, "statusCode"));
    }

    /** {@code handleFetchFailure} returned: the cache goes on handing out the keys it had. */
    @Override
    public void keptOldKeys(Object cachedSupplier, Object refreshResult) {
        CredentialFetches.servingOldKeys(keys(providerOf(cachedSupplier), refreshResult));
    }

    @Override
    public void refreshEnded(Object state, Throwable thrown) {
        CredentialFetches.ended(state, thrown);
    }

    /** {@code InstanceProfileCredentialsProvider.getToken} gave no IMDSv2 token: the SDK falls back or gives up. */
    @Override
    public void tokenRequestEnded(Object token, Throwable thrown) {
        if (token == null || thrown != null) {
            CredentialFetches.stepFailed("imds_token_failed");
        }
    }

    private static CredentialFacts keys(String provider, Object refreshResult) {
        Object identity = call(refreshResult, "value");
        // 2.20's STS providers cache a holder of the session credentials rather than the credentials.
        Object held = call(identity, "sessionCredentials");
        if (held != null) {
            identity = held;
        }
        Object expiration = present(call(identity, "expirationTime"));
        Instant expiry = expiration instanceof Instant ? (Instant) expiration
                : V2ProviderExpiry.ofRefreshResult(provider, refreshResult);
        return new CredentialFacts()
                .accessKeyId(string(call(identity, "accessKeyId")))
                .sessionCredentials(V2CredentialReader.isSessionIdentity(identity))
                .heldExpiry(expiry);
    }

    /**
     * The provider whose cache this is: its {@code cachedValueName} (2.31+: the provider's {@code toString()}),
     * else the class that defined the refresh function.
     */
    private static String providerOf(Object cachedSupplier) {
        String named = string(field(cachedSupplier, "cachedValueName"));
        if (named != null) {
            // "InstanceProfileCredentialsProvider()", or Object's "software...SsoCredentialsProvider@5a1de7fb".
            int end = named.length();
            for (char stop : new char[] {'(', '@'}) {
                int at = named.indexOf(stop);
                end = at >= 0 && at < end ? at : end;
            }
            String name = named.substring(0, end).trim();
            return name.substring(name.lastIndexOf('.') + 1);
        }
        return SdkValues.declaringSimpleName(field(cachedSupplier, "valueSupplier"));
    }
}
