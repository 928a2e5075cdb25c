package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifiedCredentialsTest {
    private final ExpiryRegistry expiries = new ExpiryRegistry(8);
    private final ClassifiedCredentials classified = new ClassifiedCredentials(expiries);
    private final Object credentials = new Object();
    private final Object provider = new Object();
    private final CredentialInfo info = CredentialInfo.builder().provider("StaticCredentialsProvider")
            .accessKeyId("AKIAEXAMPLE").build();

    @Test
    void theSameCredentialsFromTheSameProviderAreKnownAgain() {
        classified.remember(credentials, provider, classified.stamp(), info);

        assertThat(classified.find(credentials, provider)).isSameAs(info);
        assertThat(classified.find(new Object(), provider)).isNull();
        assertThat(classified.find(credentials, new Object())).isNull();
        assertThat(classified.find(credentials, null)).isNull();
    }

    @Test
    void anEntryMadeWithoutAProviderIsKnownOnlyWithoutOne() {
        classified.remember(credentials, null, classified.stamp(), info);

        assertThat(classified.find(credentials, null)).isSameAs(info);
        assertThat(classified.find(credentials, provider)).isNull();
    }

    @Test
    void anExpiryLearnedSinceTheStampMakesTheEntryStale() {
        int stamp = classified.stamp();
        expiries.learn("ASIALEARNEDMEANWHILE", Instant.parse("2026-12-01T12:00:00Z"));
        classified.remember(credentials, provider, stamp, info);

        assertThat(classified.find(credentials, provider)).isNull();

        classified.remember(credentials, provider, classified.stamp(), info);
        assertThat(classified.find(credentials, provider)).isSameAs(info);
        expiries.learn("ASIALEARNEDMEANWHILE", Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(classified.find(credentials, provider)).as("the same expiry again changes nothing").isSameAs(info);
        expiries.learn("ASIALEARNEDMEANWHILE", Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(classified.find(credentials, provider)).isNull();
    }

    @Test
    void nothingIsKeptForMissingCredentials() {
        assertThat(classified.remember(null, provider, classified.stamp(), info)).isSameAs(info);

        assertThat(classified.find(null, provider)).isNull();
    }
}
