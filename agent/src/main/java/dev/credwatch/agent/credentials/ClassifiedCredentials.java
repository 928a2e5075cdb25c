package dev.credwatch.agent.credentials;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the credentials objects seen last were classified as, by the identity of the credentials object and of
 * the provider the call was configured with. A provider hands out the same object until it refreshes, and a
 * refresh makes a new object (with its own expiry), so an object seen again means what it meant before;
 * classifying it again read up to a dozen SDK fields by reflection and built three objects, on every call.
 *
 * <p>Both are held weakly: an entry keeps neither the credentials, nor the provider, nor so the SDK's class
 * loader alive. An expiry learned from STS since an entry was made makes it stale ({@link ExpiryRegistry#version()}).
 * A few slots by identity hash: an application with more credentials in turn than slots only classifies more often.
 */
public final class ClassifiedCredentials {
    private static final int SLOTS = 16;

    /** What an SDK reader does when the credentials are not known: reads the SDK objects and classifies them. */
    public interface Classifier {
        CredentialInfo classify(Object credentials, Object provider);
    }

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<Entry>(SLOTS);
    private final ExpiryRegistry expiries;
    private final Classifier classifier;

    public ClassifiedCredentials(ExpiryRegistry expiries, Classifier classifier) {
        this.expiries = expiries;
        this.classifier = classifier;
    }

    /** What these credentials with this provider are: known from before, else classified now and remembered. */
    public CredentialInfo of(Object credentials, Object provider) {
        CredentialInfo known = find(credentials, provider);
        if (known != null) {
            return known;
        }
        int stamp = stamp();
        return remember(credentials, provider, stamp, classifier.classify(credentials, provider));
    }

    /** To pass to {@link #remember}: read before classifying, so that an expiry learned meanwhile is not missed. */
    int stamp() {
        return expiries.version();
    }

    /** What these credentials with this provider were classified as, or null if not known (or stale). */
    CredentialInfo find(Object credentials, Object provider) {
        if (credentials == null) {
            return null;
        }
        Entry entry = slots.get(slot(credentials, provider));
        return entry != null && entry.credentials.get() == credentials && entry.madeWith(provider)
                && entry.stamp == expiries.version() ? entry.info : null;
    }

    CredentialInfo remember(Object credentials, Object provider, int stamp, CredentialInfo info) {
        if (credentials != null && info != null) {
            slots.set(slot(credentials, provider), new Entry(credentials, provider, stamp, info));
        }
        return info;
    }

    private static int slot(Object credentials, Object provider) {
        return (System.identityHashCode(credentials) * 31 + System.identityHashCode(provider)) & (SLOTS - 1);
    }

    private static final class Entry {
        final WeakReference<Object> credentials;
        final WeakReference<Object> provider;
        final int stamp;
        final CredentialInfo info;

        Entry(Object credentials, Object provider, int stamp, CredentialInfo info) {
            this.credentials = new WeakReference<Object>(credentials);
            this.provider = provider == null ? null : new WeakReference<Object>(provider);
            this.stamp = stamp;
            this.info = info;
        }

        /** Whether this entry was made with this provider (null for none; one since collected is not null). */
        boolean madeWith(Object provider) {
            return provider == null ? this.provider == null : this.provider != null && this.provider.get() == provider;
        }
    }
}
