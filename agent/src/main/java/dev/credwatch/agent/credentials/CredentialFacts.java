package dev.credwatch.agent.credentials;

import java.time.Instant;

/**
 * What an SDK reader saw of a call's credentials, before any meaning is given to it: class names, the
 * key id, flags. {@link CredentialClassifier} decides what they mean; the SDK readers only fill this in.
 * A short-lived value, filled by one reader on one thread.
 */
public final class CredentialFacts {
    String supplier;
    String refresher;
    String providerName;
    String accessKeyId;
    boolean sessionCredentials;
    boolean anonymous;
    Instant heldExpiry;
    boolean fromDefaultChain;
    boolean stsModuleMissing;

    /** Simple class name of the provider that supplied the keys: the chain's winner, wrappers unwrapped. */
    public CredentialFacts supplier(String simpleClassName) {
        this.supplier = simpleClassName;
        return this;
    }

    /**
     * Simple class name of what will refresh the keys, when it is not the supplier itself: the provider a
     * profile stands for (static keys, assume role, process).
     */
    public CredentialFacts refresher(String simpleClassName) {
        this.refresher = simpleClassName;
        return this;
    }

    /** SDK v2 (2.25.24+): the {@code providerName()} stamped on the credentials, a class name or codes. */
    public CredentialFacts providerName(String providerName) {
        this.providerName = providerName;
        return this;
    }

    public CredentialFacts accessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
        return this;
    }

    /** The SDK holds them as session credentials (with a token). */
    public CredentialFacts sessionCredentials(boolean session) {
        this.sessionCredentials = session;
        return this;
    }

    /** The SDK's anonymous credentials: requests go out unsigned. */
    public CredentialFacts anonymous(boolean anonymous) {
        this.anonymous = anonymous;
        return this;
    }

    /** The expiry the credentials or their provider hold, or null. */
    public CredentialFacts heldExpiry(Instant expiry) {
        this.heldExpiry = expiry;
        return this;
    }

    /** The client was configured with the SDK's default provider chain. */
    public CredentialFacts fromDefaultChain(boolean fromDefaultChain) {
        this.fromDefaultChain = fromDefaultChain;
        return this;
    }

    /** The SDK's STS module is not loadable where the SDK lives. */
    public CredentialFacts stsModuleMissing(boolean missing) {
        this.stsModuleMissing = missing;
        return this;
    }
}
