package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.credentials.ClassifiedCredentials;
import dev.credwatch.agent.credentials.CredentialClassifier;
import dev.credwatch.agent.credentials.CredentialFacts;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.ExpiryRegistry;
import dev.credwatch.agent.instrument.core.SdkModules;
import dev.credwatch.agent.instrument.core.SdkValues;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;
import static dev.credwatch.agent.instrument.core.SdkValues.simpleName;

/**
 * Finds which v1 provider supplied a call's credentials and reads what it holds about them; what that
 * means is {@link CredentialClassifier}'s to say. Reads only state the providers already hold: it never
 * asks a provider for credentials (that could refresh them or make a network call of its own).
 */
final class V1CredentialReader {
    private static final String SESSION_CREDENTIALS = "com.amazonaws.auth.AWSSessionCredentials";
    private static final int MAX_WRAPPING_DEPTH = 6;
    private static final CredentialClassifier CLASSIFIER = new CredentialClassifier(ExpiryRegistry.shared());
    private static final ClassifiedCredentials CLASSIFIED = new ClassifiedCredentials(ExpiryRegistry.shared(),
            new ClassifiedCredentials.Classifier() {
                @Override
                public CredentialInfo classify(Object credentials, Object configuredProvider) {
                    return V1CredentialReader.classify(credentials, configuredProvider);
                }
            });
    private static final SdkModules STS =
            new SdkModules("com.amazonaws.services.securitytoken.AWSSecurityTokenService");

    /** Whether a credentials class carries a session token; computed once per class. */
    private static final ClassValue<Boolean> IS_SESSION_CREDENTIALS = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return SdkValues.isA(type, SESSION_CREDENTIALS);
        }
    };

    private V1CredentialReader() {
    }

    static CredentialInfo read(Object credentials, Object configuredProvider) {
        if (credentials == null && configuredProvider == null) {
            return null;
        }
        return CLASSIFIED.of(credentials, configuredProvider);
    }

    private static CredentialInfo classify(Object credentials, Object configuredProvider) {
        Object supplier = supplierOf(configuredProvider);
        boolean fromDefaultChain = configuredProvider != null
                && configuredProvider.getClass().getSimpleName().equals("DefaultAWSCredentialsProviderChain");
        // A profile's own type (static keys, assume role, process) decides whether anything refreshes.
        Object refresher = isProfile(supplier) ? profileDelegate(supplier) : supplier;
        return CLASSIFIER.v1(new CredentialFacts()
                .supplier(simpleName(supplier))
                .refresher(simpleName(refresher))
                .accessKeyId(SdkValues.string(call(credentials, "getAWSAccessKeyId")))
                .sessionCredentials(isSessionCredentials(credentials))
                .anonymous(credentials != null
                        && credentials.getClass().getSimpleName().equals("AnonymousAWSCredentials"))
                .heldExpiry(providerExpiry(refresher))
                .fromDefaultChain(fromDefaultChain)
                .stsModuleMissing(fromDefaultChain && !STS.presentBeside(configuredProvider)));
    }

    /** Whether the credentials carry a session token (the class is looked at once). */
    static boolean isSessionCredentials(Object credentials) {
        return credentials != null && IS_SESSION_CREDENTIALS.get(credentials.getClass());
    }

    /** Unwraps chains (their last used provider) and the SDK's delegating wrappers. */
    static Object supplierOf(Object provider) {
        Object current = provider;
        for (int depth = 0; depth < MAX_WRAPPING_DEPTH && current != null; depth++) {
            Object inner = field(current, "lastUsedProvider");
            if (inner == null) {
                String name = simpleName(current);
                if (name.equals("EC2ContainerCredentialsProviderWrapper")) {
                    inner = field(current, "provider");
                } else if (name.equals("WebIdentityTokenCredentialsProvider")) {
                    inner = field(current, "credentialsProvider");
                }
            }
            if (inner == null) {
                return current;
            }
            current = inner;
        }
        return current;
    }

    private static boolean isProfile(Object provider) {
        return provider != null && simpleName(provider).equals("ProfileCredentialsProvider");
    }

    /** The provider a profile stands for, from the profiles file's cache: static, assume-role or process. */
    private static Object profileDelegate(Object profileProvider) {
        Object cache = field(field(profileProvider, "profilesConfigFile"), "credentialProviderCache");
        Object profileName = field(profileProvider, "profileName");
        if (cache instanceof Map && profileName != null) {
            Object delegate = ((Map<?, ?>) cache).get(profileName);
            if (delegate != null) {
                return delegate;
            }
        }
        return profileProvider;
    }

    /** Expiries that refreshing providers hold; STS-backed ones are learned from the STS responses instead. */
    private static Instant providerExpiry(Object provider) {
        Object expiration = field(field(provider, "credentialsFetcher"), "credentialsExpiration");
        if (expiration instanceof Date) {
            return ((Date) expiration).toInstant();
        }
        Object processExpiry = call(provider, "getCredentialExpirationTime");
        Object millis = call(processExpiry, "getMillis");
        return millis instanceof Long ? Instant.ofEpochMilli((Long) millis) : null;
    }
}
