package dev.credwatch.agent.credentials;

import java.time.Duration;
import java.time.Instant;

/**
 * What credwatch knows about the credentials one call was signed with. It holds the access key id
 * (not a secret, masked on output) but never the secret key or the session token.
 */
public final class CredentialInfo {
    private final String provider;
    private final CredentialSource source;
    private final CredentialKind kind;
    private final String accessKeyId;
    private final Instant expiresAt;
    private final Duration refreshLead;
    private final boolean fromDefaultChain;
    private final boolean stsModuleMissing;

    private CredentialInfo(Builder builder) {
        this.provider = builder.provider;
        this.source = builder.source == null ? CredentialSource.UNKNOWN : builder.source;
        this.kind = builder.kind == null ? CredentialKind.LONG_TERM : builder.kind;
        this.accessKeyId = builder.accessKeyId;
        this.expiresAt = builder.expiresAt;
        this.refreshLead = builder.refreshLead;
        this.fromDefaultChain = builder.fromDefaultChain;
        this.stsModuleMissing = builder.stsModuleMissing;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Simple class name of the provider that actually supplied the keys (the chain's winner). */
    public String provider() {
        return provider;
    }

    public CredentialSource source() {
        return source;
    }

    public CredentialKind kind() {
        return kind;
    }

    /** The raw access key id; reporters mask it. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** When the credentials expire, or null when unknown or never. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * How long before {@link #expiresAt()} the supplying provider fetches new credentials, or null when
     * nothing will refresh them (static keys, a profile's session keys).
     */
    public Duration refreshLead() {
        return refreshLead;
    }

    public boolean isRefreshed() {
        return refreshLead != null;
    }

    /** True when the client used the SDK's default provider chain. */
    public boolean fromDefaultChain() {
        return fromDefaultChain;
    }

    /**
     * True when the SDK's STS module cannot be loaded where the SDK lives: a web identity role or an assume-role
     * profile then cannot work, and the default chain silently goes on to the next source.
     */
    public boolean stsModuleMissing() {
        return stsModuleMissing;
    }

    public Builder toBuilder() {
        return new Builder().provider(provider).source(source).kind(kind).accessKeyId(accessKeyId)
                .expiresAt(expiresAt).refreshLead(refreshLead).fromDefaultChain(fromDefaultChain)
                .stsModuleMissing(stsModuleMissing);
    }

    @Override
    public String toString() {
        return "CredentialInfo{provider=" + provider + ", source=" + source.wireName() + ", kind=" + kind.wireName()
                + ", key=" + AccessKeyMask.PARTIAL.apply(accessKeyId) + ", expiresAt=" + expiresAt
                + ", refreshLead=" + refreshLead + ", fromDefaultChain=" + fromDefaultChain + '}';
    }

    public static final class Builder {
        private String provider;
        private CredentialSource source;
        private CredentialKind kind;
        private String accessKeyId;
        private Instant expiresAt;
        private Duration refreshLead;
        private boolean fromDefaultChain;
        private boolean stsModuleMissing;

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder source(CredentialSource source) {
            this.source = source;
            return this;
        }

        public Builder kind(CredentialKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder refreshLead(Duration refreshLead) {
            this.refreshLead = refreshLead;
            return this;
        }

        public Builder fromDefaultChain(boolean fromDefaultChain) {
            this.fromDefaultChain = fromDefaultChain;
            return this;
        }

        public Builder stsModuleMissing(boolean missing) {
            this.stsModuleMissing = missing;
            return this;
        }

        public CredentialInfo build() {
            return new CredentialInfo(this);
        }
    }
}
