package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.ClassifiedCredentials;
import dev.credwatch.agent.credentials.CredentialClassifier;
import dev.credwatch.agent.credentials.CredentialFacts;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.ExpiryRegistry;
import dev.credwatch.agent.instrument.core.SdkModules;
import dev.credwatch.agent.instrument.core.SdkValues;

import java.time.Instant;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;
import static dev.credwatch.agent.instrument.core.SdkValues.present;
import static dev.credwatch.agent.instrument.core.SdkValues.simpleName;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * Reads the two witnesses of which v2 provider supplied a call's identity: the configured provider object
 * (unwrapped to the chain's last used provider), and the {@code providerName()} the SDK stamps on the
 * credentials (2.25.24+); {@link CredentialClassifier#v2} weighs them. Reads only state the SDK already
 * holds, never asks a provider to resolve anything.
 */
final class V2CredentialReader {
    private static final int MAX_WRAPPING_DEPTH = 6;
    private static final CredentialClassifier CLASSIFIER = new CredentialClassifier(ExpiryRegistry.shared());
    private static final ClassifiedCredentials CLASSIFIED = new ClassifiedCredentials(ExpiryRegistry.shared(),
            new ClassifiedCredentials.Classifier() {
                @Override
                public CredentialInfo classify(Object identity, Object configuredProvider) {
                    return V2CredentialReader.classify(identity, configuredProvider);
                }
            });
    private static final SdkModules STS = new SdkModules("software.amazon.awssdk.services.sts.StsClient");
    private static final ClassValue<Boolean> SESSION_TYPES = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            // 2.21+ identities implement AwsSessionCredentialsIdentity; 2.20 has only AwsSessionCredentials.
            return SdkValues.isA(type, "software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity")
                    || SdkValues.isA(type, "software.amazon.awssdk.auth.credentials.AwsSessionCredentials");
        }
    };

    private V2CredentialReader() {
    }

    static CredentialInfo read(Object identity, Object configuredProvider) {
        if (identity == null && configuredProvider == null) {
            return null;
        }
        return CLASSIFIED.of(identity, configuredProvider);
    }

    private static CredentialInfo classify(Object identity, Object configuredProvider) {
        Object supplier = supplierOf(configuredProvider);
        String accessKeyId = string(call(identity, "accessKeyId"));
        Object expiration = present(call(identity, "expirationTime"));
        Instant heldExpiry = expiration instanceof Instant ? (Instant) expiration
                : V2ProviderExpiry.of(supplier, accessKeyId);
        String supplierName = simpleName(supplier);
        boolean fromDefaultChain = "DefaultCredentialsProvider".equals(simpleName(configuredProvider));
        return CLASSIFIER.v2(new CredentialFacts()
                .supplier(supplierName)
                // A profile refreshes as the provider it stands for does.
                .refresher("ProfileCredentialsProvider".equals(supplierName)
                        ? simpleName(field(supplier, "credentialsProvider")) : null)
                .providerName(string(present(call(identity, "providerName"))))
                .accessKeyId(accessKeyId)
                .sessionCredentials(isSessionIdentity(identity))
                .heldExpiry(heldExpiry)
                .fromDefaultChain(fromDefaultChain)
                .stsModuleMissing(fromDefaultChain && !STS.presentBeside(configuredProvider)));
    }

    /** Whether the identity is session credentials, in 2.21+'s or 2.20's types (the class is looked at once). */
    static boolean isSessionIdentity(Object identity) {
        return identity != null && SESSION_TYPES.get(identity.getClass());
    }

    /** Unwraps {@code DefaultCredentialsProvider} and {@code AwsCredentialsProviderChain} to the provider that won. */
    static Object supplierOf(Object provider) {
        Object current = provider;
        for (int depth = 0; depth < MAX_WRAPPING_DEPTH && current != null; depth++) {
            String name = simpleName(current);
            Object inner;
            if (name.equals("DefaultCredentialsProvider")) {
                inner = field(current, "providerChain");
            } else if (name.equals("LazyAwsCredentialsProvider")) {
                inner = field(field(current, "delegate"), "value");
            } else {
                inner = field(current, "lastUsedProvider");
            }
            if (inner == null) {
                return current;
            }
            current = inner;
        }
        return current;
    }
}
