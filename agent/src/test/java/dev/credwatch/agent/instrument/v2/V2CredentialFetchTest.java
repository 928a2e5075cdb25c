package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.instrument.CredentialEndpointStub;
import dev.credwatch.agent.instrument.ObservedFetches;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v2 providers' own fetches, as the instrumentation sees them: a real ContainerCredentialsProvider. */
class V2CredentialFetchTest {
    @RegisterExtension
    static final ObservedFetches FETCHES = new ObservedFetches();

    @BeforeEach
    void pointTheProviderAtTheStub() {
        System.setProperty("aws.containerCredentialsFullUri", FETCHES.stub().credentialsUri());
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.containerCredentialsFullUri");
    }

    @Test
    void theFetchACallWaitedForTravelsWithTheCall() {
        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = client(provider)) {
            sts.getCallerIdentity();
            sts.getCallerIdentity();
        }

        List<CallObservation> calls = FETCHES.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).credentialFetches()).singleElement().satisfies(fetch -> {
            assertThat(fetch.provider()).isEqualTo("ContainerCredentialsProvider");
            assertThat(fetch.source()).isEqualTo(CredentialSource.CONTAINER);
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.OK);
            assertThat(fetch.credentials().accessKeyId()).isEqualTo(CredentialEndpointStub.KEY_ID);
            assertThat(fetch.credentials().expiresAt()).isNotNull();
            assertThat(fetch.reason()).isNull();
        });
        // The second call finds the keys cached: nothing was fetched for it.
        assertThat(calls.get(1).credentialFetches()).isEmpty();
        assertThat(FETCHES.all()).allMatch(observed -> observed instanceof CallObservation);
    }

    @Test
    void aFailingEndpointIsAFailedFetchWithItsReason() {
        FETCHES.stub().answerCredentials(500, 0);

        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = client(provider)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
        }

        CallObservation call = FETCHES.calls().get(0);
        assertThat(call.failed()).isTrue();
        assertThat(call.credentialFetches()).isNotEmpty().allSatisfy(fetch -> {
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.FAILED);
            assertThat(fetch.reason()).isEqualTo("endpoint_error");
            assertThat(fetch.detail()).doesNotContain("secret");
        });
    }

    @Test
    void aSlowEndpointShowsInTheFetchesDuration() {
        FETCHES.stub().answerCredentials(200, 700);

        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = client(provider)) {
            sts.getCallerIdentity();
        }

        assertThat(FETCHES.calls().get(0).credentialFetches()).singleElement()
                .satisfies(fetch -> assertThat(fetch.durationMillis()).isBetween(650L, 10_000L));
    }


    private static StsClient client(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(URI.create(FETCHES.stub().endpoint())).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create()).credentialsProvider(credentials).build();
    }
}
