package dev.credwatch.demo.fakeaws;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web identity (OIDC) tokens AssumeRoleWithWebIdentity accepts. Until a test registers one,
 * every token is accepted, which is what the fake always did; once one is registered, STS
 * verifies each token against the list, as it verifies a JWT against the provider's keys.
 */
final class WebIdentityTokens {
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Token to the moment it was expired, quoted back in STS's message. */
    private final Map<String, Instant> expired = new ConcurrentHashMap<>();

    void accept(String token) {
        accepted.add(token);
        expired.remove(token);
    }

    void expire(String token, Instant at) {
        expired.put(token, at);
    }

    /** Throws STS's own error for a token it would not take. */
    void check(String token, Instant now) {
        Instant expiredAt = expired.get(token);
        if (expiredAt != null) {
            // STS quotes both instants as epoch seconds.
            throw new AwsException("ExpiredTokenException", 400, "Token expired: current date/time "
                    + now.getEpochSecond() + " must be before the expiration date/time " + expiredAt.getEpochSecond());
        }
        if (!accepted.isEmpty() && !accepted.contains(token)) {
            throw new AwsException("InvalidIdentityToken", 400, "Couldn't retrieve verification key from your "
                    + "identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
        }
    }

    void clear() {
        accepted.clear();
        expired.clear();
    }
}
