package dev.credwatch.it;

import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ProviderRuns;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.credwatch.it.harness.AgentComparison.onlyWarning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDKs' own credential providers failing for real against the fake's instance metadata and container
 * endpoints, and a credential_process: one credwatch line names the cause, while the application sees exactly
 * what it sees without the agent, and nothing secret shows. The agent only watches the providers' own fetches.
 * The STS-based providers are in {@link StsCredentialProviderIT}.
 */
class CredentialProviderIT {
    private static final ScenarioKeys KEYS = new ScenarioKeys("CP");
    private static final String PROCESS_OUTPUT = "vault said: no lease for AKIAIOSFODNN7PROCESS, secret s3cr3t-of-it";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);
    private static final ProviderRuns RUNS = new ProviderRuns(fakeAws);

    @TempDir
    Path dir;

    @Test
    void v1AnUnansweredImdsV2TokenRequestMakesTheFetchSlowAndSaysWhy() {
        fakeAws.fake().imdsTokenUnanswered();

        Map<String, String> warning = onlyWarning(RUNS.v1(RUNS.imdsV1(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "credentials_slow").containsEntry("reason", "imds_token_failed")
                .containsEntry("source", "instance_profile").containsEntry("service", "SQS");
        assertThat(Long.parseLong(warning.get("fetch_ms"))).isBetween(900L, 10_000L);
        assertThat(warning.get("hint")).contains("hop limit of 1");
    }

    @Test
    void v2AnUnansweredImdsV2TokenRequestMakesTheFetchSlowAndSaysWhy() {
        fakeAws.fake().imdsTokenUnanswered();

        Map<String, String> warning = onlyWarning(RUNS.v2(RUNS.imdsV2(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "credentials_slow").containsEntry("reason", "imds_token_failed")
                .containsEntry("source", "instance_profile");
        assertThat(Long.parseLong(warning.get("fetch_ms"))).isBetween(900L, 10_000L);
    }

    @Test
    void v1AnInstanceWithoutARoleIsMissingCredentialsWithThatReason() {
        fakeAws.fake().imdsNoRole();

        ForkedRun run = RUNS.v1(RUNS.imdsV1(), "sqs.listQueues");

        assertThat(run.stdout()).contains("exception=com.amazonaws.SdkClientException");
        assertThat(onlyWarning(run)).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "imds_no_role");
    }

    @Test
    void v2ThrottledInstanceMetadataIsMissingCredentialsWithThatReason() {
        fakeAws.fake().imdsThrottled();

        Map<String, String> warning = onlyWarning(RUNS.v2(RUNS.imdsV2(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "throttled");
        assertThat(warning.get("hint")).contains("throttled");
    }

    @Test
    void v1AContainerEndpointErrorIsMissingCredentialsWithThatReason() {
        fakeAws.fake().containerFails(500);

        Map<String, String> warning = onlyWarning(RUNS.v1(RUNS.container(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "endpoint_error");
    }

    @Test
    void v1ACredentialProcessThatFailsIsNamedWithoutRepeatingItsOutput() throws IOException {
        assertTheProcessIsNamedWithoutItsOutput(RUNS.v1(failingProcess(), "sqs.listQueues"));
    }

    @Test
    void v2ACredentialProcessThatFailsIsNamedWithoutRepeatingItsOutput() throws IOException {
        assertTheProcessIsNamedWithoutItsOutput(RUNS.v2(failingProcess(), "sqs.listQueues"));
    }

    @Test
    void v1AnUnreadableEksPodIdentityTokenIsNamed() {
        Map<String, String> warning = onlyWarning(RUNS.v1(RUNS.podIdentityWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "auth_token_unreadable");
        assertThat(warning.get("hint")).contains("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    }

    @Test
    void v2AnUnreadableEksPodIdentityTokenIsNamed() {
        Map<String, String> warning = onlyWarning(RUNS.v2(RUNS.podIdentityWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "auth_token_unreadable");
    }

    /** A credential_process that prints something secret-looking on stderr and exits 1. */
    private UnaryOperator<ForkedJvm> failingProcess() throws IOException {
        Path script = Files.writeString(dir.resolve("credential-process.sh"),
                "#!/bin/sh\necho '" + PROCESS_OUTPUT + "' >&2\nexit 1\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return jvm -> jvm.sysProp("app.credentials", "process").sysProp("app.command", script.toString());
    }

    private static void assertTheProcessIsNamedWithoutItsOutput(ForkedRun run) {
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "process_failed")
                .containsEntry("source", "process");
        assertThat(String.join("\n", run.agentLines())).doesNotContain("s3cr3t").doesNotContain("PROCESS")
                .doesNotContain("vault said");
    }
}
