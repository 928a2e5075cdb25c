package dev.credwatch.agent.credentials;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access key id → expiry, learned from the STS responses the application itself receives
 * (AssumeRole, GetSessionToken, …). Static session credentials built from such a response carry no
 * expiry of their own; this is how credwatch still knows when they end. Bounded: the oldest entries go.
 */
public final class ExpiryRegistry {
    public static final int DEFAULT_CAPACITY = 1024;

    private static final ExpiryRegistry SHARED = new ExpiryRegistry(DEFAULT_CAPACITY);

    private final Map<String, Instant> expiries;
    /** Changes with every expiry learned, so that what was classified without it is classified again. */
    private volatile int version;

    public ExpiryRegistry(final int capacity) {
        this.expiries = new LinkedHashMap<String, Instant>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The registry that both SDK generations feed. */
    public static ExpiryRegistry shared() {
        return SHARED;
    }

    public void learn(String accessKeyId, Instant expiresAt) {
        if (accessKeyId == null || expiresAt == null) {
            return;
        }
        synchronized (expiries) {
            if (!expiresAt.equals(expiries.put(accessKeyId, expiresAt))) {
                version++;
            }
        }
    }

    /** Changes whenever an expiry is learned or changes. */
    public int version() {
        return version;
    }

    /** The learned expiry of this key id, or null. */
    public Instant expiryOf(String accessKeyId) {
        if (accessKeyId == null) {
            return null;
        }
        synchronized (expiries) {
            return expiries.get(accessKeyId);
        }
    }

    public int size() {
        synchronized (expiries) {
            return expiries.size();
        }
    }
}
