package dev.credwatch.agent.instrument.v1;

import com.amazonaws.SdkClientException;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.ContainerCredentialsProvider;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.internal.CredentialsEndpointProvider;
import com.amazonaws.services.securitytoken.AWSSecurityTokenService;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.instrument.CredentialEndpointStub;
import dev.credwatch.agent.instrument.InstrumentedTestJvm;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.observation.ObservationPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v1 container provider's own fetches, as the instrumentation sees them. */
class V1CredentialFetchTest {
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
    void reset() {
        OBSERVED.clear();
        stub.answerCredentials(200, 0);
    }

    @Test
    void theFetchACallWaitedForTravelsWithTheCall() {
        AWSSecurityTokenService sts = client(container());

        sts.getCallerIdentity(new GetCallerIdentityRequest());
        sts.getCallerIdentity(new GetCallerIdentityRequest());

        List<CallObservation> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).credentialFetches()).singleElement().satisfies(fetch -> {
            assertThat(fetch.sdk()).isEqualTo("v1");
            assertThat(fetch.provider()).isEqualTo("ContainerCredentialsProvider");
            assertThat(fetch.source()).isEqualTo(CredentialSource.CONTAINER);
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.OK);
            assertThat(fetch.credentials().accessKeyId()).isEqualTo(CredentialEndpointStub.KEY_ID);
            assertThat(fetch.credentials().expiresAt()).isNotNull();
        });
        assertThat(calls.get(1).credentialFetches()).isEmpty();
        assertThat(calls.get(0).region()).isEqualTo("us-east-1");
    }

    @Test
    void aFailingEndpointIsAFailedFetchWithItsStatusAndReason() {
        stub.answerCredentials(500, 0);
        AWSSecurityTokenService sts = client(container());

        assertThatThrownBy(() -> sts.getCallerIdentity(new GetCallerIdentityRequest()))
                .isInstanceOf(SdkClientException.class);

        assertThat(calls().get(0).credentialFetches()).isNotEmpty().allSatisfy(fetch -> {
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.FAILED);
            assertThat(fetch.reason()).isEqualTo("endpoint_error");
            assertThat(fetch.detail()).contains("HTTP 500");
        });
    }

    private static AWSCredentialsProvider container() {
        CredentialsEndpointProvider endpoint = new CredentialsEndpointProvider() {
            @Override
            public URI getCredentialsEndpoint() {
                return URI.create(stub.credentialsUri());
            }
        };
        return new ContainerCredentialsProvider(endpoint);
    }

    private static List<CallObservation> calls() {
        return OBSERVED.stream().filter(CallObservation.class::isInstance).map(CallObservation.class::cast).toList();
    }

    private static AWSSecurityTokenService client(AWSCredentialsProvider credentials) {
        return AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(stub.endpoint(), "us-east-1"))
                .withCredentials(credentials).build();
    }
}
