package dev.credwatch.agent.instrument.v2;

import java.time.Duration;
import java.time.Instant;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;

/**
 * The expiry of credentials that carry none themselves. Up to 2.53 the container, instance-metadata and
 * process providers build credentials without {@code expirationTime()}; the expiry survives only in the
 * provider's {@code CachedSupplier}, as the cached {@code RefreshResult}'s stale time, which each provider
 * sets a fixed distance before the expiry (read from the 2.20 to 2.54 sources). STS-backed providers need
 * none of this: their expiry is learned from the STS response itself.
 */
final class V2ProviderExpiry {
    /** ContainerCredentialsProvider: stale one minute before expiry. */
    private static final Duration CONTAINER_STALE = Duration.ofMinutes(1);
    /** InstanceProfileCredentialsProvider: one second before expiry, configurable from 2.2x as {@code staleTime}. */
    private static final Duration IMDS_DEFAULT_STALE = Duration.ofSeconds(1);

    private V2ProviderExpiry() {
    }

    /** The expiry of the credentials the provider has cached, if they are the ones with this key id; else null. */
    static Instant of(Object provider, String accessKeyId) {
        if (provider == null || accessKeyId == null) {
            return null;
        }
        String name = provider.getClass().getSimpleName();
        Duration staleBeforeExpiry = staleBeforeExpiry(name, field(provider, "staleTime"));
        if (staleBeforeExpiry == null) {
            return null;
        }
        Object cached = field(field(provider, name.equals("ProcessCredentialsProvider") ? "processCredentialCache"
                : "credentialsCache"), "cachedValue");
        if (!accessKeyId.equals(call(field(cached, "value"), "accessKeyId"))) {
            return null;
        }
        return fromStaleTime(field(cached, "staleTime"), staleBeforeExpiry);
    }

    /** The expiry of the keys in a {@code RefreshResult} a provider just produced, from its stale time. */
    static Instant ofRefreshResult(String providerName, Object refreshResult) {
        Duration staleBeforeExpiry = staleBeforeExpiry(providerName, null);
        return staleBeforeExpiry == null ? null
                : fromStaleTime(call(refreshResult, "staleTime"), staleBeforeExpiry);
    }

    /** How long before expiry each provider marks its keys stale; null for providers that need none of this. */
    private static Duration staleBeforeExpiry(String providerName, Object configuredStaleTime) {
        if ("ContainerCredentialsProvider".equals(providerName)) {
            return CONTAINER_STALE;
        }
        if ("InstanceProfileCredentialsProvider".equals(providerName)) {
            return configuredStaleTime instanceof Duration ? (Duration) configuredStaleTime : IMDS_DEFAULT_STALE;
        }
        return "ProcessCredentialsProvider".equals(providerName) ? Duration.ZERO : null;
    }

    private static Instant fromStaleTime(Object staleTime, Duration staleBeforeExpiry) {
        return staleTime instanceof Instant ? ((Instant) staleTime).plus(staleBeforeExpiry) : null;
    }
}
