package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.credentials.ExpiryRegistry;

import java.time.Instant;
import java.util.Date;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;

/**
 * STS results (AssumeRole*, GetSessionToken, GetFederationToken) and Cognito's GetCredentialsForIdentity
 * carry the issued key id and its expiration: remembering them gives these keys an expiry wherever they
 * are used later, even as static keys. Both SDK generations name the members differently (v1 getters
 * returning a Date, v2 fluent accessors returning an Instant).
 */
public final class IssuedCredentials {
    private IssuedCredentials() {
    }

    public static void learnFrom(Object result, String credentialsAccessor, String keyIdAccessor,
                                 String expirationAccessor) {
        Object credentials = call(result, credentialsAccessor);
        if (credentials == null) {
            return;
        }
        Object accessKeyId = call(credentials, keyIdAccessor);
        Object expiration = call(credentials, expirationAccessor);
        Instant expiresAt = expiration instanceof Date ? ((Date) expiration).toInstant()
                : expiration instanceof Instant ? (Instant) expiration : null;
        if (accessKeyId instanceof String) {
            ExpiryRegistry.shared().learn((String) accessKeyId, expiresAt);
        }
    }
}
