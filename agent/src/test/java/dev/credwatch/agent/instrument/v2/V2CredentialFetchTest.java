package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.instrument.CredentialEndpointStub;
import dev.credwatch.agent.instrument.InstrumentedTestJvm;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.observation.ObservationPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v2 providers' own fetches, as the instrumentation sees them: a real ContainerCredentialsProvider. */
class V2CredentialFetchTest {
    private static final List<Observation> OBSERVED = new CopyOnWriteArrayList<>();
    private static CredentialEndpointStub stub;

    @BeforeAll
    static void instrumentAndServe() throws IOException {
        InstrumentedTestJvm.install();
        ObservationPipeline.install(OBSERVED::add);
        stub = new CredentialEndpointStub();
    }

    @AfterAll
    static void stop() {
        ObservationPipeline.install(null);
        stub.close();
    }

    @BeforeEach
    void pointTheProviderAtTheStub() {
        OBSERVED.clear();
        System.setProperty("aws.containerCredentialsFullUri", stub.credentialsUri());
        stub.answerCredentials(200, 0);
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

        List<CallObservation> calls = calls();
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
        assertThat(OBSERVED).allMatch(observed -> observed instanceof CallObservation);
    }

    @Test
    void aFailingEndpointIsAFailedFetchWithItsReason() {
        stub.answerCredentials(500, 0);

        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = client(provider)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
        }

        CallObservation call = calls().get(0);
        assertThat(call.failed()).isTrue();
        assertThat(call.credentialFetches()).isNotEmpty().allSatisfy(fetch -> {
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.FAILED);
            assertThat(fetch.reason()).isEqualTo("endpoint_error");
            assertThat(fetch.detail()).doesNotContain("secret");
        });
    }

    @Test
    void aSlowEndpointShowsInTheFetchesDuration() {
        stub.answerCredentials(200, 700);

        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = client(provider)) {
            sts.getCallerIdentity();
        }

        assertThat(calls().get(0).credentialFetches()).singleElement()
                .satisfies(fetch -> assertThat(fetch.durationMillis()).isBetween(650L, 10_000L));
    }

    private static List<CallObservation> calls() {
        return OBSERVED.stream().filter(CallObservation.class::isInstance).map(CallObservation.class::cast).toList();
    }

    private static StsClient client(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(URI.create(stub.endpoint())).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create()).credentialsProvider(credentials).build();
    }
}
