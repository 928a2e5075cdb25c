package dev.credwatch.it.harness;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.apps.V2App;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the credential-provider ITs point V1App and V2App at the fake's credential endpoints, and run them
 * without and with the agent, checking that the fake got the same requests from both.
 */
public final class ProviderRuns {
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/credwatch-it-irsa";
    private static final String AGENT_ARGS = "fetch.warn=500ms";

    private final FakeAwsForIts fakeAws;

    public ProviderRuns(FakeAwsForIts fakeAws) {
        this.fakeAws = fakeAws;
    }

    public UnaryOperator<ForkedJvm> imdsV1() {
        return jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                        fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false");
    }

    public UnaryOperator<ForkedJvm> imdsV2() {
        return jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("aws.ec2MetadataServiceEndpoint", fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false");
    }

    /**
     * IRSA as EKS configures it, but without the service-account token mounted. The SDKs would then call the real
     * STS; without the token they fail before any request, so the token's absence is checked first.
     */
    public UnaryOperator<ForkedJvm> irsaWithoutItsToken() {
        String token = "/nonexistent/credwatch/eks.amazonaws.com/serviceaccount/token";
        assertThat(Path.of(token)).doesNotExist();
        return jvm -> jvm.sysProp("app.credentials", "web-identity-env").env("AWS_WEB_IDENTITY_TOKEN_FILE", token)
                .env("AWS_ROLE_ARN", ROLE_ARN).env("AWS_REGION", "us-east-1");
    }

    /** EKS Pod Identity as configured in the pod, but without the projected token it reads. */
    public UnaryOperator<ForkedJvm> podIdentityWithoutItsToken() {
        return jvm -> container().apply(jvm)
                .env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/nonexistent/credwatch/eks-pod-identity-token");
    }

    public UnaryOperator<ForkedJvm> container() {
        return jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri());
    }

    public ForkedRun v1(UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(() -> ForkedJvm.main(V1App.class), setup, calls);
    }

    public ForkedRun v2(UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(() -> ForkedJvm.main(V2App.class), setup, calls);
    }

    /**
     * Runs the application without and with the agent; the fake must have received the same requests from
     * both runs (by service and action): the agent watches the providers' fetches and never makes one.
     */
    public ForkedRun run(Supplier<ForkedJvm> app, UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(app, setup, false, calls);
    }

    /**
     * {@code inBackground}: the provider also refreshes on a thread of its own, whose last retries the exit may
     * cut short in either run, so only which requests were made is compared, not how many.
     */
    public ForkedRun run(Supplier<ForkedJvm> app, UnaryOperator<ForkedJvm> setup, boolean inBackground,
                                 String... calls) {
        List<String> secrets = fakeAws.secrets();
        List<List<String>> requestsPerRun = new ArrayList<>();
        UnaryOperator<ForkedJvm> countingSetup = jvm -> {
            requestsPerRun.add(requestsSoFar());
            return setup.apply(jvm);
        };
        ForkedRun watched = AgentComparison.runWithAndWithoutAgent(() -> app.get().quickStart().agentArgs(AGENT_ARGS)
                .sysProp("app.endpoint", fakeAws.fake().endpoint()).args(calls), countingSetup, secrets);
        List<String> all = requestsSoFar();
        List<String> withoutAgent = all.subList(requestsPerRun.get(0).size(), requestsPerRun.get(1).size());
        List<String> withAgent = all.subList(requestsPerRun.get(1).size(), all.size());
        if (inBackground) {
            assertThat(new TreeSet<>(withAgent)).as("requests the fake received with the agent")
                    .isEqualTo(new TreeSet<>(withoutAgent));
        } else {
            assertThat(withAgent).as("requests the fake received with the agent").isEqualTo(withoutAgent);
        }
        return watched;
    }

    private List<String> requestsSoFar() {
        return fakeAws.fake().requests().stream().map(r -> r.service() + " " + r.action()).collect(Collectors.toList());
    }
}
