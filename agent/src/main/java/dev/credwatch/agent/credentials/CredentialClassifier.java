package dev.credwatch.agent.credentials;

import java.time.Duration;

/**
 * Gives what an SDK reader saw ({@link CredentialFacts}) its meaning: the normalized source, the kind,
 * whether and how early something refreshes the keys, and their expiry (held by the SDK, else learned from
 * an STS response). The two SDK generations differ in the witnesses they offer, not in the rules.
 */
public final class CredentialClassifier {
    private final ExpiryRegistry issuedExpiries;

    public CredentialClassifier(ExpiryRegistry issuedExpiries) {
        this.issuedExpiries = issuedExpiries;
    }

    /** SDK v1: the provider object is the only witness; a profile refreshes as the provider it stands for. */
    public CredentialInfo v1(CredentialFacts seen) {
        CredentialSource source = seen.anonymous ? CredentialSource.ANONYMOUS
                : ProviderCatalog.forProvider(seen.supplier).source();
        String refresher = seen.refresher != null ? seen.refresher : seen.supplier;
        return common(seen).provider(seen.supplier).source(source)
                .refreshLead(ProviderCatalog.forProvider(refresher).refreshLead()).build();
    }

    /**
     * SDK v2: the provider object wins when its class is known (it tells what will refresh the keys); else the
     * {@code providerName()} stamp names the issuer. A stamp survives copying: a static provider handed keys
     * an STS provider once issued keeps that provider's name, though nothing refreshes them now.
     */
    public CredentialInfo v2(CredentialFacts seen) {
        ProviderCatalog.Entry bySupplier = ProviderCatalog.forV2Provider(seen.supplier);
        V2ProviderNames.Named byName = V2ProviderNames.issuerOf(seen.providerName);
        CredentialInfo.Builder info = common(seen).provider(seen.supplier).source(CredentialSource.UNKNOWN);
        if (bySupplier.isKnown()) {
            info.source(bySupplier.source()).refreshLead(bySupplier.source() == CredentialSource.PROFILE
                    ? profileRefreshLead(seen.refresher, byName) : bySupplier.refreshLead());
        } else if (byName != null) {
            info.provider(byName.providerClass()).source(byName.entry().source())
                    .refreshLead(byName.entry().refreshLead());
        }
        return info.build();
    }

    private CredentialInfo.Builder common(CredentialFacts seen) {
        return CredentialInfo.builder()
                .kind(CredentialKind.of(seen.accessKeyId, seen.sessionCredentials))
                .accessKeyId(seen.accessKeyId)
                .expiresAt(seen.heldExpiry != null ? seen.heldExpiry : issuedExpiries.expiryOf(seen.accessKeyId))
                .fromDefaultChain(seen.fromDefaultChain)
                .stsModuleMissing(seen.stsModuleMissing);
    }

    /** A v2 profile refreshes as its own kind does: static keys never, an assume-role or SSO profile like STS. */
    private static Duration profileRefreshLead(String delegate, V2ProviderNames.Named byName) {
        ProviderCatalog.Entry entry = ProviderCatalog.forV2Provider(delegate);
        if (entry.isKnown() && entry.source() != CredentialSource.STATIC) {
            return entry.refreshLead();
        }
        return byName != null && !entry.isKnown() ? byName.entry().refreshLead() : null;
    }
}
