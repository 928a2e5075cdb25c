package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SDK v2's providerName(): class names up to 2.34, business-metric codes from 2.35, chains joined by commas. */
class V2ProviderNamesTest {

    @Test
    void readsTheShortCodesOf235AndLater() {
        assertThat(V2ProviderNames.issuerOf("g").providerClass()).isEqualTo("EnvironmentVariableCredentialsProvider");
        assertThat(V2ProviderNames.issuerOf("g").entry().source()).isEqualTo(CredentialSource.ENVIRONMENT);
        assertThat(V2ProviderNames.issuerOf("e").entry().source()).isEqualTo(CredentialSource.STATIC);
        assertThat(V2ProviderNames.issuerOf("z").entry().source()).isEqualTo(CredentialSource.CONTAINER);
        assertThat(V2ProviderNames.issuerOf("0").entry().source()).isEqualTo(CredentialSource.INSTANCE_PROFILE);
        assertThat(V2ProviderNames.issuerOf("i").entry().source()).isEqualTo(CredentialSource.STS_ASSUME_ROLE);
        assertThat(V2ProviderNames.issuerOf("r").entry().source()).isEqualTo(CredentialSource.SSO);
    }

    @Test
    void theLastElementOfAChainIssuedTheKeys() {
        V2ProviderNames.Named roleFromProfile = V2ProviderNames.issuerOf("o,n,i");

        assertThat(roleFromProfile.providerClass()).isEqualTo("StsAssumeRoleCredentialsProvider");
        assertThat(roleFromProfile.entry().refreshLead()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsTheClassNamesOfEarlierReleases() {
        assertThat(V2ProviderNames.issuerOf("ContainerCredentialsProvider").entry().refreshLead())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(V2ProviderNames.issuerOf("SystemPropertyCredentialsProvider").entry().source())
                .isEqualTo(CredentialSource.SYSTEM_PROPERTIES);
    }

    @Test
    void aCustomOrMissingNameIsUnknown() {
        assertThat(V2ProviderNames.issuerOf(null)).isNull();
        assertThat(V2ProviderNames.issuerOf("")).isNull();
        assertThat(V2ProviderNames.issuerOf("MyVaultProvider")).isNull();
    }

    @Test
    void v2InstanceMetadataRefreshesEarlierThanTheV1NameSuggests() {
        assertThat(ProviderCatalog.forV2Provider("InstanceProfileCredentialsProvider").refreshLead())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ProviderCatalog.forProvider("InstanceProfileCredentialsProvider").refreshLead())
                .isEqualTo(Duration.ofMinutes(15));
    }
}
