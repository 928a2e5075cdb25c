package dev.credwatch.demo.fakeaws;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the services share and the public API changes at run time. */
final class FakeState {
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    final FakeClock clock = new FakeClock(Clock.systemUTC());
    final KeyTable keys = new KeyTable();
    final AccessRules rules = new AccessRules();
    final RequestLog log = new RequestLog();
    final CredentialFaults credentialFaults = new CredentialFaults();
    final WebIdentityTokens webIdentityTokens = new WebIdentityTokens();
    /** The IAM Identity Center access tokens (from {@code aws sso login}) the SSO portal accepts. */
    final Set<String> ssoAccessTokens = ConcurrentHashMap.newKeySet();
    /** Null until the caller fixes one: STS then honours DurationSeconds, everything else uses one hour. */
    volatile Duration issuedLifetime;
    /** The value the container endpoint demands in the Authorization header; null accepts any request. */
    volatile String containerAuthorizationToken;
    /** {@code http://127.0.0.1:PORT}, known once the server listens (queue URLs point here). */
    volatile String endpoint;

    Duration lifetime(Integer requestedSeconds) {
        Duration fixed = issuedLifetime;
        if (fixed != null) {
            return fixed;
        }
        return requestedSeconds != null ? Duration.ofSeconds(requestedSeconds) : DEFAULT_LIFETIME;
    }
}
