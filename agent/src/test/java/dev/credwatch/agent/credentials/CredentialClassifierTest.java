package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialClassifierTest {
    private static final String LONG_TERM = "AKIAIOSFODNN7EXAMPLE";
    private static final String SESSION = "ASIAIOSFODNN7EXAWXYZ";
    private static final Instant LEARNED = Instant.parse("2026-11-22T11:00:00Z");
    private static final Instant HELD = Instant.parse("2026-11-22T16:00:00Z");

    private final ExpiryRegistry issued = new ExpiryRegistry(8);
    private final CredentialClassifier classifier = new CredentialClassifier(issued);

    @Test
    void v1StaticLongTermKeysNeverExpireAndNothingRefreshesThem() {
        CredentialInfo info = classifier.v1(new CredentialFacts().supplier("AWSStaticCredentialsProvider")
                .accessKeyId(LONG_TERM));

        assertThat(info.provider()).isEqualTo("AWSStaticCredentialsProvider");
        assertThat(info.source()).isEqualTo(CredentialSource.STATIC);
        assertThat(info.kind()).isEqualTo(CredentialKind.LONG_TERM);
        assertThat(info.expiresAt()).isNull();
        assertThat(info.isRefreshed()).isFalse();
        assertThat(info.fromDefaultChain()).isFalse();
    }

    @Test
    void aSessionKeyIdOrSessionCredentialsAreTemporary() {
        assertThat(classifier.v1(new CredentialFacts().accessKeyId(SESSION)).kind())
                .isEqualTo(CredentialKind.TEMPORARY);
        assertThat(classifier.v2(new CredentialFacts().accessKeyId(LONG_TERM).sessionCredentials(true)).kind())
                .isEqualTo(CredentialKind.TEMPORARY);
        assertThat(classifier.v2(new CredentialFacts().accessKeyId(LONG_TERM)).kind())
                .isEqualTo(CredentialKind.LONG_TERM);
    }

    @Test
    void keysWithoutAnExpiryOfTheirOwnTakeTheOneLearnedFromSts() {
        issued.learn(SESSION, LEARNED);

        assertThat(classifier.v1(new CredentialFacts().supplier("AWSStaticCredentialsProvider").accessKeyId(SESSION))
                .expiresAt()).isEqualTo(LEARNED);
        assertThat(classifier.v2(new CredentialFacts().supplier("StaticCredentialsProvider").accessKeyId(SESSION))
                .expiresAt()).isEqualTo(LEARNED);
    }

    @Test
    void anExpiryTheSdkHoldsWinsOverALearnedOne() {
        issued.learn(SESSION, LEARNED);

        CredentialInfo info = classifier.v1(new CredentialFacts().supplier("InstanceProfileCredentialsProvider")
                .accessKeyId(SESSION).heldExpiry(HELD));

        assertThat(info.expiresAt()).isEqualTo(HELD);
        assertThat(info.source()).isEqualTo(CredentialSource.INSTANCE_PROFILE);
    }

    @Test
    void theSdkGenerationsRefreshInstanceMetadataCredentialsAtDifferentTimes() {
        CredentialFacts imds = new CredentialFacts().supplier("InstanceProfileCredentialsProvider")
                .accessKeyId(SESSION);

        assertThat(classifier.v1(imds).refreshLead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(classifier.v2(imds).refreshLead()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void v1AnonymousCredentialsAreAnonymousWhateverTheProvider() {
        CredentialInfo info = classifier.v1(new CredentialFacts().supplier("AWSStaticCredentialsProvider")
                .anonymous(true));

        assertThat(info.source()).isEqualTo(CredentialSource.ANONYMOUS);
    }

    @Test
    void v1AProfileRefreshesAsTheProviderItStandsFor() {
        CredentialFacts profile = new CredentialFacts().supplier("ProfileCredentialsProvider").accessKeyId(SESSION);

        CredentialInfo assumeRole = classifier.v1(profile.refresher("ProfileAssumeRoleCredentialsProvider"));
        assertThat(assumeRole.source()).isEqualTo(CredentialSource.PROFILE);
        assertThat(assumeRole.refreshLead()).isEqualTo(Duration.ofMinutes(1));

        CredentialInfo staticKeys = classifier.v1(profile.refresher("ProfileStaticCredentialsProvider"));
        assertThat(staticKeys.isRefreshed()).isFalse();
    }

    @Test
    void v2AKnownProviderObjectWinsOverTheNameStampedOnTheKeys() {
        // Keys an STS provider once issued, handed to a static provider: nothing refreshes them now.
        CredentialInfo info = classifier.v2(new CredentialFacts().supplier("StaticCredentialsProvider")
                .providerName("i").accessKeyId(SESSION));

        assertThat(info.provider()).isEqualTo("StaticCredentialsProvider");
        assertThat(info.source()).isEqualTo(CredentialSource.STATIC);
        assertThat(info.isRefreshed()).isFalse();
    }

    @Test
    void v2ACustomProviderIsNamedByTheStampsLastCode() {
        CredentialInfo info = classifier.v2(new CredentialFacts().supplier("MyCompanyCredentialsProvider")
                .providerName("o,n,i").accessKeyId(SESSION));

        assertThat(info.provider()).isEqualTo("StsAssumeRoleCredentialsProvider");
        assertThat(info.source()).isEqualTo(CredentialSource.STS_ASSUME_ROLE);
        assertThat(info.refreshLead()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void v2ACustomProviderWithoutAStampIsUnknown() {
        CredentialInfo info = classifier.v2(new CredentialFacts().supplier("MyCompanyCredentialsProvider")
                .accessKeyId(LONG_TERM));

        assertThat(info.provider()).isEqualTo("MyCompanyCredentialsProvider");
        assertThat(info.source()).isEqualTo(CredentialSource.UNKNOWN);
        assertThat(info.isRefreshed()).isFalse();
    }

    @Test
    void v2AProfileRefreshesAsItsDelegateOrItsStampSays() {
        CredentialFacts profile = new CredentialFacts().supplier("ProfileCredentialsProvider").accessKeyId(SESSION);

        assertThat(classifier.v2(profile.refresher("StsAssumeRoleCredentialsProvider")).refreshLead())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(classifier.v2(profile.refresher("StaticCredentialsProvider").providerName("i")).isRefreshed())
                .isFalse();
        assertThat(classifier.v2(profile.refresher("SomethingNew").providerName("v")).refreshLead())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(classifier.v2(profile.refresher(null).providerName(null)).isRefreshed()).isFalse();
    }

    @Test
    void theDefaultChainIsPassedThrough() {
        assertThat(classifier.v2(new CredentialFacts().supplier("EnvironmentVariableCredentialsProvider")
                .fromDefaultChain(true)).fromDefaultChain()).isTrue();
    }
}
