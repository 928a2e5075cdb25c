package dev.credwatch.agent.credentials;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code providerName()} that SDK v2 (2.25.24+) stamps on the credentials it resolves. Up to 2.34
 * it is the provider's simple class name; from 2.35 it is the user-agent business-metric code of
 * {@code BusinessMetricFeatureId} ({@code g} environment, {@code i} assume role, {@code z} container,
 * {@code 0} instance metadata, ...). Providers built on top of another join the codes of the whole path
 * with commas, outermost first ({@code "o,n,i"}: a profile whose source profile's keys assumed a role):
 * the last element names the provider that actually issued the keys.
 */
public final class V2ProviderNames {
    private static final Map<String, Named> CODES = new HashMap<String, Named>();

    static {
        code("e", "StaticCredentialsProvider");                       // CREDENTIALS_CODE
        code("f", "SystemPropertyCredentialsProvider");
        code("g", "EnvironmentVariableCredentialsProvider");
        code("h", "StsWebIdentityTokenFileCredentialsProvider");      // web identity from env variables
        code("i", "StsAssumeRoleCredentialsProvider");
        code("j", "StsAssumeRoleWithSamlCredentialsProvider");
        code("k", "StsAssumeRoleWithWebIdentityCredentialsProvider");
        code("l", "StsGetFederationTokenCredentialsProvider");
        code("m", "StsGetSessionTokenCredentialsProvider");
        code("n", "ProfileCredentialsProvider");
        code("o", "ProfileCredentialsProvider");                      // source_profile
        code("p", "ProfileCredentialsProvider");                      // credential_source
        code("q", "StsWebIdentityTokenFileCredentialsProvider");      // web identity from a profile
        code("r", "SsoCredentialsProvider");
        code("s", "SsoCredentialsProvider");
        code("t", "SsoCredentialsProvider");
        code("u", "SsoCredentialsProvider");
        code("v", "ProcessCredentialsProvider");
        code("w", "ProcessCredentialsProvider");
        code("z", "ContainerCredentialsProvider");                    // CREDENTIALS_HTTP
        code("0", "InstanceProfileCredentialsProvider");              // CREDENTIALS_IMDS
    }

    private V2ProviderNames() {
    }

    private static void code(String code, String providerClass) {
        CODES.put(code, new Named(providerClass, ProviderCatalog.forV2Provider(providerClass)));
    }

    /**
     * The provider that issued the keys, as a simple class name with its catalog entry; null for a null,
     * empty or unrecognised name (a custom provider's own name).
     */
    public static Named issuerOf(String providerName) {
        if (providerName == null) {
            return null;
        }
        int lastComma = providerName.lastIndexOf(',');
        String last = (lastComma < 0 ? providerName : providerName.substring(lastComma + 1)).trim();
        if (last.isEmpty()) {
            return null;
        }
        Named coded = CODES.get(last);
        if (coded != null) {
            return coded;
        }
        ProviderCatalog.Entry entry = ProviderCatalog.forV2Provider(last);
        return entry.isKnown() ? new Named(last, entry) : null;
    }

    /** A provider class name and what it means. */
    public static final class Named {
        private final String providerClass;
        private final ProviderCatalog.Entry entry;

        Named(String providerClass, ProviderCatalog.Entry entry) {
            this.providerClass = providerClass;
            this.entry = entry;
        }

        public String providerClass() {
            return providerClass;
        }

        public ProviderCatalog.Entry entry() {
            return entry;
        }
    }
}
