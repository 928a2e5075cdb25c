package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifiedCredentialsTest {
    private final ExpiryRegistry expiries = new ExpiryRegistry(8);
    private final CredentialInfo info = CredentialInfo.builder().provider("StaticCredentialsProvider")
            .accessKeyId("AKIAEXAMPLE").build();
    private final AtomicInteger classifications = new AtomicInteger();
    private final ClassifiedCredentials classified = new ClassifiedCredentials(expiries, (credentials, provider) -> {
        classifications.incrementAndGet();
        return info;
    });
    private final Object credentials = new Object();
    private final Object provider = new Object();

    @Test
    void credentialsAreClassifiedOnceUntilAnExpiryIsLearned() {
        assertThat(classified.of(credentials, provider)).isSameAs(info);
        assertThat(classified.of(credentials, provider)).isSameAs(info);
        assertThat(classifications).hasValue(1);

        expiries.learn("ASIALEARNEDMEANWHILE", Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(classified.of(credentials, provider)).isSameAs(info);
        assertThat(classifications).hasValue(2);
    }

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
