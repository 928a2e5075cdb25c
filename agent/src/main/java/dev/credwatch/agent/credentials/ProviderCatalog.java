package dev.credwatch.agent.credentials;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What each known credentials provider class means: the normalized source, and how long before expiry
 * it fetches new credentials (null: it never does). Keyed by simple class name, which is stable across
 * SDK versions and shading; covers SDK v1 and v2 names.
 */
public final class ProviderCatalog {
    /** A provider credwatch does not know: a custom class. */
    public static final Entry UNKNOWN = new Entry(CredentialSource.UNKNOWN, null);

    private static final Duration STS_V1_BLOCKING_REFRESH = Duration.ofMinutes(1);
    /** v2 STS-backed providers (StsCredentialsProvider, SSO): prefetch 5 minutes ahead, stale 1 minute ahead. */
    static final Duration STS_V2_PREFETCH = Duration.ofMinutes(5);
    private static final Duration METADATA_V1_REFRESH = Duration.ofMinutes(15);
    /** v2 ContainerCredentialsProvider: prefetch 15 minutes before expiry (or within the hour). */
    static final Duration CONTAINER_V2_PREFETCH = Duration.ofMinutes(15);
    /**
     * v2 InstanceProfileCredentialsProvider prefetches at half the remaining life, never sooner than 5 minutes
     * from the fetch: with any real IMDS lifetime (hours) that is at least 5 minutes before expiry.
     */
    static final Duration IMDS_V2_HALF_LIFE_FLOOR = Duration.ofMinutes(5);
    /** Both SDKs' ProcessCredentialsProvider: refresh 15 seconds before expiry. */
    static final Duration PROCESS_BUFFER = Duration.ofSeconds(15);

    private static final Map<String, Entry> ENTRIES = new HashMap<String, Entry>();
    /** SDK v2 classes whose simple name is also a v1 class but whose refresh timing differs. */
    private static final Map<String, Entry> V2_ONLY = new HashMap<String, Entry>();

    static {
        // SDK v1
        add(CredentialSource.ENVIRONMENT, null, "EnvironmentVariableCredentialsProvider");
        add(CredentialSource.SYSTEM_PROPERTIES, null, "SystemPropertiesCredentialsProvider");
        // STSProfileCredentialsServiceProvider: core's bridge to the sts module, which a
        // WebIdentityTokenCredentialsProvider holds once unwrapped.
        add(CredentialSource.WEB_IDENTITY, STS_V1_BLOCKING_REFRESH, "WebIdentityTokenCredentialsProvider",
                "STSAssumeRoleWithWebIdentitySessionCredentialsProvider", "STSProfileCredentialsServiceProvider");
        add(CredentialSource.PROFILE, null, "ProfileCredentialsProvider", "ProfileStaticCredentialsProvider");
        add(CredentialSource.PROCESS, PROCESS_BUFFER, "ProcessCredentialsProvider",
                "ProfileProcessCredentialsProvider");
        add(CredentialSource.CONTAINER, METADATA_V1_REFRESH, "ContainerCredentialsProvider");
        add(CredentialSource.INSTANCE_PROFILE, METADATA_V1_REFRESH, "InstanceProfileCredentialsProvider");
        add(CredentialSource.STS_ASSUME_ROLE, STS_V1_BLOCKING_REFRESH, "STSAssumeRoleSessionCredentialsProvider",
                "ProfileAssumeRoleCredentialsProvider");
        add(CredentialSource.STS_SESSION, STS_V1_BLOCKING_REFRESH, "STSSessionCredentialsProvider");
        add(CredentialSource.STATIC, null, "AWSStaticCredentialsProvider", "PropertiesFileCredentialsProvider",
                "ClasspathPropertiesFileCredentialsProvider", "StaticCredentialsProvider");
        add(CredentialSource.ANONYMOUS, null, "AnonymousAWSCredentials", "AnonymousCredentialsProvider");
        // SDK v2 (names that differ from v1)
        add(CredentialSource.SYSTEM_PROPERTIES, null, "SystemPropertyCredentialsProvider");
        add(CredentialSource.WEB_IDENTITY, STS_V2_PREFETCH, "WebIdentityTokenFileCredentialsProvider",
                "StsAssumeRoleWithWebIdentityCredentialsProvider");
        add(CredentialSource.STS_ASSUME_ROLE, STS_V2_PREFETCH, "StsAssumeRoleCredentialsProvider",
                "StsAssumeRoleWithSamlCredentialsProvider");
        add(CredentialSource.STS_SESSION, STS_V2_PREFETCH, "StsGetSessionTokenCredentialsProvider",
                "StsGetFederationTokenCredentialsProvider");
        add(CredentialSource.WEB_IDENTITY, STS_V2_PREFETCH, "StsWebIdentityTokenFileCredentialsProvider");
        add(CredentialSource.SSO, STS_V2_PREFETCH, "SsoCredentialsProvider");
        V2_ONLY.put("InstanceProfileCredentialsProvider",
                new Entry(CredentialSource.INSTANCE_PROFILE, IMDS_V2_HALF_LIFE_FLOOR));
        V2_ONLY.put("ContainerCredentialsProvider", new Entry(CredentialSource.CONTAINER, CONTAINER_V2_PREFETCH));
    }

    private ProviderCatalog() {
    }

    private static void add(CredentialSource source, Duration refreshLead, String... simpleNames) {
        for (String name : simpleNames) {
            ENTRIES.put(name, new Entry(source, refreshLead));
        }
    }

    /** The entry for a provider's simple class name, or {@link #UNKNOWN}. */
    public static Entry forProvider(String simpleClassName) {
        Entry entry = simpleClassName == null ? null : ENTRIES.get(simpleClassName);
        return entry == null ? UNKNOWN : entry;
    }

    /** The entry for an SDK v2 provider's simple class name (v2 timing where v1 shares the name), or {@link #UNKNOWN}. */
    public static Entry forV2Provider(String simpleClassName) {
        Entry entry = simpleClassName == null ? null : V2_ONLY.get(simpleClassName);
        return entry != null ? entry : forProvider(simpleClassName);
    }

    /** One provider's meaning. */
    public static final class Entry {
        private final CredentialSource source;
        private final Duration refreshLead;

        Entry(CredentialSource source, Duration refreshLead) {
            this.source = source;
            this.refreshLead = refreshLead;
        }

        public boolean isKnown() {
            return this != UNKNOWN;
        }

        public CredentialSource source() {
            return source;
        }

        /** Null when the provider hands out the same credentials until the application restarts. */
        public Duration refreshLead() {
            return refreshLead;
        }
    }
}
