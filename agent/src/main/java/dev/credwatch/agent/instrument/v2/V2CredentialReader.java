package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ExpiryRegistry;
import dev.credwatch.agent.credentials.ProviderCatalog;
import dev.credwatch.agent.credentials.V2ProviderNames;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.credwatch.agent.instrument.SdkAccessors.call;
import static dev.credwatch.agent.instrument.SdkAccessors.field;

/**
 * Which v2 provider supplied a call's identity, and what is knowable about it. Two witnesses: the configured
 * provider object (unwrapped to the chain's last used provider), and the {@code providerName()} the SDK
 * stamps on the credentials (2.25.24+). The provider object wins when credwatch knows its class: it tells
 * what will refresh the keys, while a provider name survives copying (a static provider handed keys that an
 * STS provider once issued keeps that provider's name, though nothing refreshes them now). Reads only
 * state the SDK already holds, never asks a provider to resolve anything.
 */
final class V2CredentialReader {
    private static final int MAX_WRAPPING_DEPTH = 6;
    private static final ClassValue<Boolean> SESSION_TYPES = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            // 2.21+ identities implement AwsSessionCredentialsIdentity; 2.20 has only AwsSessionCredentials.
            return implementsType(type, "software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity")
                    || implementsType(type, "software.amazon.awssdk.auth.credentials.AwsSessionCredentials");
        }
    };

    private V2CredentialReader() {
    }

    static CredentialInfo read(Object identity, Object configuredProvider) {
        if (identity == null && configuredProvider == null) {
            return null;
        }
        Object supplier = supplierOf(configuredProvider);
        String supplierName = simpleName(supplier);
        ProviderCatalog.Entry bySupplier = ProviderCatalog.forV2Provider(supplierName);
        V2ProviderNames.Named byName = V2ProviderNames.issuerOf(string(present(call(identity, "providerName"))));
        String provider = supplierName;
        CredentialSource source = CredentialSource.UNKNOWN;
        Duration refreshLead = null;
        if (bySupplier.isKnown()) {
            source = bySupplier.source();
            refreshLead = source == CredentialSource.PROFILE ? profileRefreshLead(supplier, byName)
                    : bySupplier.refreshLead();
        } else if (byName != null) {
            provider = byName.providerClass();
            source = byName.entry().source();
            refreshLead = byName.entry().refreshLead();
        }
        String accessKeyId = string(call(identity, "accessKeyId"));
        Object expiration = present(call(identity, "expirationTime"));
        Instant expiresAt = expiration instanceof Instant ? (Instant) expiration
                : V2ProviderExpiry.of(supplier, accessKeyId);
        if (expiresAt == null) {
            expiresAt = ExpiryRegistry.shared().expiryOf(accessKeyId);
        }
        boolean temporary = accessKeyId != null && accessKeyId.startsWith("ASIA")
                || identity != null && SESSION_TYPES.get(identity.getClass());
        return CredentialInfo.builder()
                .provider(provider)
                .source(source)
                .kind(temporary ? CredentialKind.TEMPORARY : CredentialKind.LONG_TERM)
                .accessKeyId(accessKeyId)
                .expiresAt(expiresAt)
                .refreshLead(refreshLead)
                .fromDefaultChain("DefaultCredentialsProvider".equals(simpleName(configuredProvider)))
                .build();
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

    /** A profile refreshes as its own kind does: static keys never, an assume-role or SSO profile like STS. */
    private static Duration profileRefreshLead(Object profileProvider, V2ProviderNames.Named byName) {
        ProviderCatalog.Entry delegate = ProviderCatalog.forV2Provider(simpleName(field(profileProvider,
                "credentialsProvider")));
        if (delegate.isKnown() && delegate.source() != CredentialSource.STATIC) {
            return delegate.refreshLead();
        }
        return byName != null && !delegate.isKnown() ? byName.entry().refreshLead() : null;
    }

    private static Object present(Object value) {
        return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    }

    private static boolean implementsType(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                if (implementsType(implemented, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String simpleName(Object value) {
        return value == null ? null : value.getClass().getSimpleName();
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }
}
