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
import dev.credwatch.agent.instrument.ObservedFetches;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v1 container provider's own fetches, as the instrumentation sees them. */
class V1CredentialFetchTest {
    @RegisterExtension
    static final ObservedFetches FETCHES = new ObservedFetches();

    @Test
    void theFetchACallWaitedForTravelsWithTheCall() {
        AWSSecurityTokenService sts = client(container());

        sts.getCallerIdentity(new GetCallerIdentityRequest());
        sts.getCallerIdentity(new GetCallerIdentityRequest());

        List<CallObservation> calls = FETCHES.calls();
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
        FETCHES.stub().answerCredentials(500, 0);
        AWSSecurityTokenService sts = client(container());

        assertThatThrownBy(() -> sts.getCallerIdentity(new GetCallerIdentityRequest()))
                .isInstanceOf(SdkClientException.class);

        assertThat(FETCHES.calls().get(0).credentialFetches()).isNotEmpty().allSatisfy(fetch -> {
            assertThat(fetch.outcome()).isEqualTo(CredentialFetch.Outcome.FAILED);
            assertThat(fetch.reason()).isEqualTo("endpoint_error");
            assertThat(fetch.detail()).contains("HTTP 500");
        });
    }

    private static AWSCredentialsProvider container() {
        CredentialsEndpointProvider endpoint = new CredentialsEndpointProvider() {
            @Override
            public URI getCredentialsEndpoint() {
                return URI.create(FETCHES.stub().credentialsUri());
            }
        };
        return new ContainerCredentialsProvider(endpoint);
    }


    private static AWSSecurityTokenService client(AWSCredentialsProvider credentials) {
        return AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(FETCHES.stub().endpoint(), "us-east-1"))
                .withCredentials(credentials).build();
    }
}
