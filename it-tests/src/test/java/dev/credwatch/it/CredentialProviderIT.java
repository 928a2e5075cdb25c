package dev.credwatch.it;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.apps.V2App;
import dev.credwatch.it.harness.AgentComparison;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.credwatch.it.harness.AgentComparison.onlyWarning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDKs' own credential providers failing for real against the fake (instance metadata, the container
 * endpoint, STS web identity): one credwatch line names the cause, while the application sees exactly what it
 * sees without the agent, and nothing secret shows. The agent only watches the providers' own fetches.
 */
class CredentialProviderIT {
    private static final String AGENT_ARGS = "fetch.warn=500ms";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/credwatch-it-irsa";
    private static final ScenarioKeys KEYS = new ScenarioKeys("CP");
    private static final String PROCESS_OUTPUT = "vault said: no lease for AKIAIOSFODNN7PROCESS, secret s3cr3t-of-it";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);

    @TempDir
    Path dir;

    @Test
    void v1AnUnansweredImdsV2TokenRequestMakesTheFetchSlowAndSaysWhy() {
        fakeAws.fake().imdsTokenUnanswered();

        Map<String, String> warning = onlyWarning(v1(imdsV1(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "credentials_slow").containsEntry("reason", "imds_token_failed")
                .containsEntry("source", "instance_profile").containsEntry("service", "SQS");
        assertThat(Long.parseLong(warning.get("fetch_ms"))).isBetween(900L, 10_000L);
        assertThat(warning.get("hint")).contains("hop limit of 1");
    }

    @Test
    void v2AnUnansweredImdsV2TokenRequestMakesTheFetchSlowAndSaysWhy() {
        fakeAws.fake().imdsTokenUnanswered();

        Map<String, String> warning = onlyWarning(v2(imdsV2(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "credentials_slow").containsEntry("reason", "imds_token_failed")
                .containsEntry("source", "instance_profile");
        assertThat(Long.parseLong(warning.get("fetch_ms"))).isBetween(900L, 10_000L);
    }

    @Test
    void v1AnInstanceWithoutARoleIsMissingCredentialsWithThatReason() {
        fakeAws.fake().imdsNoRole();

        ForkedRun run = v1(imdsV1(), "sqs.listQueues");

        assertThat(run.stdout()).contains("exception=com.amazonaws.SdkClientException");
        assertThat(onlyWarning(run)).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "imds_no_role");
    }

    @Test
    void v2ThrottledInstanceMetadataIsMissingCredentialsWithThatReason() {
        fakeAws.fake().imdsThrottled();

        Map<String, String> warning = onlyWarning(v2(imdsV2(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "throttled");
        assertThat(warning.get("hint")).contains("throttled");
    }

    @Test
    void v1AContainerEndpointErrorIsMissingCredentialsWithThatReason() {
        fakeAws.fake().containerFails(500);

        Map<String, String> warning = onlyWarning(v1(container(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "endpoint_error");
    }

    @Test
    void v2ARoleSourceThatFailsBehindAWinningProviderIsNamed() {
        fakeAws.fake().acceptWebIdentityToken("the-service-account-token");
        fakeAws.fake().addLongTermKey(KEYS.longTermKey(), KEYS.longTermSecret());

        ForkedRun run = v2(jvm -> jvm.sysProp("app.credentials", "web-identity-or-static")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityToken", "a-token-from-another-cluster")
                .sysProp("app.accessKey", KEYS.longTermKey()).sysProp("app.secretKey", KEYS.longTermSecret()),
                "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_refresh_failed")
                .containsEntry("reason", "web_identity_rejected").containsEntry("source", "static");
        assertThat(warning.get("hint")).contains("the chain went on to static").contains("trust policy");
    }

    @Test
    void v1ACredentialProcessThatFailsIsNamedWithoutRepeatingItsOutput() throws IOException {
        assertTheProcessIsNamedWithoutItsOutput(v1(failingProcess(), "sqs.listQueues"));
    }

    @Test
    void v2ACredentialProcessThatFailsIsNamedWithoutRepeatingItsOutput() throws IOException {
        assertTheProcessIsNamedWithoutItsOutput(v2(failingProcess(), "sqs.listQueues"));
    }

    @Test
    void v2AWebIdentityRoleWithoutTheStsModuleIsShadowedByWhateverTheChainFindsNext() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), "the-service-account-token");
        String classPath = withoutJarsOf("/software/amazon/awssdk/sts/");
        // With the STS module the SDK would call the real STS with this token: make sure it cannot.
        assertThat(entriesHolding(classPath, "software/amazon/awssdk/services/sts/StsClient.class")).isEmpty();

        // The instance role is what the default chain finds after the skipped web identity role.
        ForkedRun run = v2(jvm -> imdsV2().apply(jvm).classPath(classPath).sysProp("app.credentials", "default")
                .env("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString()).env("AWS_ROLE_ARN", ROLE_ARN)
                .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credwatch/credentials")
                .env("AWS_CONFIG_FILE", "/nonexistent/credwatch/config"), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_shadowed")
                .containsEntry("source", "instance_profile").containsEntry("reason", "sts_module_missing");
        assertThat(warning.get("hint")).contains(ROLE_ARN).contains("software.amazon.awssdk:sts");
    }

    @Test
    void v2AnExpiredSsoSessionIsNamedWithItsFix() {
        fakeAws.fake().acceptSsoAccessToken("the-token-of-this-mornings-login");

        Map<String, String> warning = onlyWarning(v2(jvm -> jvm.sysProp("app.credentials", "sso")
                .sysProp("app.ssoAccessToken", "the-token-of-yesterdays-login"), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("source", "sso")
                .containsEntry("reason", "sso_session_expired");
        assertThat(warning.get("hint")).contains("aws sso login");
    }

    @Test
    void v1AnAsynchronousRefreshThatFailsIsTheEarlyWarningWhileTheOldSessionWorks() {
        // Sessions of 4 minutes: SDK v1 refreshes them in the background below 5 minutes left.
        fakeAws.fake().addLongTermKey(KEYS.longTermKey(), KEYS.longTermSecret());
        fakeAws.fake().issuedCredentialLifetime(Duration.ofMinutes(4));

        ForkedRun run = run(() -> ForkedJvm.main(V1App.class), jvm -> {
            fakeAws.fake().throttleAfter("sts", "AssumeRole", 1);
            return jvm.sysProp("app.credentials", "assume-role").sysProp("app.roleArn", ROLE_ARN)
                    .sysProp("app.accessKey", KEYS.longTermKey()).sysProp("app.secretKey", KEYS.longTermSecret());
        }, true, "sqs.listQueues", "sqs.listQueues", "app.pause", "sqs.listQueues", "app.pause");

        assertThat(run.stdout()).doesNotContain("exception");
        List<Map<String, String>> refreshes = AgentComparison.warnings(run).stream()
                .filter(w -> "credentials_refresh_failed".equals(w.get("diagnosis"))).collect(Collectors.toList());
        assertThat(refreshes).as(run.describe()).isNotEmpty().first().satisfies(warning -> {
            assertThat(warning).containsEntry("reason", "throttled").containsEntry("source", "sts_assume_role")
                    .doesNotContainKey("service");
            assertThat(Long.parseLong(warning.get("ttl_s"))).isBetween(120L, 240L);
            assertThat(warning.get("hint")).contains("the old keys still used expire in");
        });
    }

    @Test
    void v1AServiceAccountTokenThatIsNotMountedIsNamed() {
        Map<String, String> warning = onlyWarning(v1(irsaWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("source", "web_identity")
                .containsEntry("reason", "token_file_unreadable");
    }

    @Test
    void v2AServiceAccountTokenThatIsNotMountedIsNamed() {
        Map<String, String> warning = onlyWarning(v2(irsaWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("source", "web_identity")
                .containsEntry("reason", "token_file_unreadable");
        assertThat(warning.get("hint")).contains("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    @Test
    void v1AnUnreadableEksPodIdentityTokenIsNamed() {
        Map<String, String> warning = onlyWarning(v1(podIdentityWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "auth_token_unreadable");
        assertThat(warning.get("hint")).contains("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    }

    @Test
    void v2AnUnreadableEksPodIdentityTokenIsNamed() {
        Map<String, String> warning = onlyWarning(v2(podIdentityWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("reason", "auth_token_unreadable");
    }

    @Test
    void v1AWebIdentityTokenStsRefusesIsMissingCredentialsNotABadKey() throws IOException {
        fakeAws.fake().acceptWebIdentityToken("the-service-account-token");
        Path tokenFile = Files.writeString(dir.resolve("token"), "a-token-from-another-cluster");

        Map<String, String> warning = onlyWarning(v1(jvm -> jvm.sysProp("app.credentials", "web-identity")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityTokenFile", tokenFile.toString()),
                "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("code", "InvalidIdentityToken")
                .containsEntry("reason", "web_identity_rejected").containsEntry("source", "web_identity");
        assertThat(warning.get("hint")).contains("trust policy");
    }

    @Test
    void v2AWebIdentityTokenStsRefusesIsMissingCredentialsNotABadKey() {
        fakeAws.fake().acceptWebIdentityToken("the-service-account-token");

        Map<String, String> warning = onlyWarning(v2(jvm -> jvm.sysProp("app.credentials", "web-identity")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityToken", "a-token-from-another-cluster"),
                "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("code", "InvalidIdentityToken")
                .containsEntry("reason", "web_identity_rejected").containsEntry("source", "web_identity");
    }

    @Test
    void v2AThrottledStsIsSaidToBeThrottled() {
        fakeAws.fake().throttle("sts", "AssumeRoleWithWebIdentity");

        Map<String, String> warning = onlyWarning(v2(jvm -> jvm.sysProp("app.credentials", "web-identity")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityToken", "any"), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "throttled");
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

    /** This JVM's class path without the jars under {@code mavenPath} (a module left out of the application). */
    private static String withoutJarsOf(String mavenPath) {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        return Arrays.stream(entries).filter(entry -> !entry.replace('\\', '/').contains(mavenPath))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The class-path entries (jars or directories) that hold {@code resource}. */
    private static List<String> entriesHolding(String classPath, String resource) throws IOException {
        List<String> holding = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) ? Files.exists(path.resolve(resource)) : holds(path, resource)) {
                holding.add(entry);
            }
        }
        return holding;
    }

    private static boolean holds(Path jar, String resource) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getEntry(resource) != null;
        }
    }

    private static UnaryOperator<ForkedJvm> imdsV1() {
        return jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                        fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false");
    }

    private static UnaryOperator<ForkedJvm> imdsV2() {
        return jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("aws.ec2MetadataServiceEndpoint", fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false");
    }

    /**
     * IRSA as EKS configures it, but without the service-account token mounted. The SDKs would then call the real
     * STS; without the token they fail before any request, so the token's absence is checked first.
     */
    private static UnaryOperator<ForkedJvm> irsaWithoutItsToken() {
        String token = "/nonexistent/credwatch/eks.amazonaws.com/serviceaccount/token";
        assertThat(Path.of(token)).doesNotExist();
        return jvm -> jvm.sysProp("app.credentials", "web-identity-env").env("AWS_WEB_IDENTITY_TOKEN_FILE", token)
                .env("AWS_ROLE_ARN", ROLE_ARN).env("AWS_REGION", "us-east-1");
    }

    /** EKS Pod Identity as configured in the pod, but without the projected token it reads. */
    private static UnaryOperator<ForkedJvm> podIdentityWithoutItsToken() {
        return jvm -> container().apply(jvm)
                .env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/nonexistent/credwatch/eks-pod-identity-token");
    }

    private static UnaryOperator<ForkedJvm> container() {
        return jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri());
    }

    private static ForkedRun v1(UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(() -> ForkedJvm.main(V1App.class), setup, calls);
    }

    private static ForkedRun v2(UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(() -> ForkedJvm.main(V2App.class), setup, calls);
    }

    /**
     * Runs the application without and with the agent; the fake must have received the same requests from
     * both runs (by service and action): the agent watches the providers' fetches and never makes one.
     */
    private static ForkedRun run(Supplier<ForkedJvm> app, UnaryOperator<ForkedJvm> setup, String... calls) {
        return run(app, setup, false, calls);
    }

    /**
     * {@code inBackground}: the provider also refreshes on a thread of its own, whose last retries the exit may
     * cut short in either run, so only which requests were made is compared, not how many.
     */
    private static ForkedRun run(Supplier<ForkedJvm> app, UnaryOperator<ForkedJvm> setup, boolean inBackground,
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

    private static List<String> requestsSoFar() {
        return fakeAws.fake().requests().stream().map(r -> r.service() + " " + r.action()).collect(Collectors.toList());
    }
}
