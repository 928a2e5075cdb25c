package dev.credwatch.it;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.AgentComparison;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ProviderRuns;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.credwatch.it.harness.AgentComparison.onlyWarning;
import static dev.credwatch.it.harness.ProviderRuns.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDKs' STS-based credential providers (web identity as IRSA sets it up, assumed roles refreshed in the
 * background, SSO) failing for real against the fake: one credwatch line names the cause, while the application
 * sees exactly what it sees without the agent, and nothing secret shows.
 */
class StsCredentialProviderIT {
    private static final ScenarioKeys KEYS = new ScenarioKeys("SP");

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);
    private static final ProviderRuns RUNS = new ProviderRuns(fakeAws);

    @TempDir
    Path dir;

    @Test
    void v2ARoleSourceThatFailsBehindAWinningProviderIsNamed() {
        fakeAws.fake().acceptWebIdentityToken("the-service-account-token");
        fakeAws.fake().addLongTermKey(KEYS.longTermKey(), KEYS.longTermSecret());

        ForkedRun run = RUNS.v2(jvm -> jvm.sysProp("app.credentials", "web-identity-or-static")
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
    void v2AWebIdentityRoleWithoutTheStsModuleIsShadowedByWhateverTheChainFindsNext() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), "the-service-account-token");
        String classPath = withoutJarsOf("/software/amazon/awssdk/sts/");
        // With the STS module the SDK would call the real STS with this token: make sure it cannot.
        assertThat(entriesHolding(classPath, "software/amazon/awssdk/services/sts/StsClient.class")).isEmpty();

        // The instance role is what the default chain finds after the skipped web identity role.
        ForkedRun run = RUNS.v2(jvm -> RUNS.imdsV2().apply(jvm).classPath(classPath)
                .sysProp("app.credentials", "default")
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

        Map<String, String> warning = onlyWarning(RUNS.v2(jvm -> jvm.sysProp("app.credentials", "sso")
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

        ForkedRun run = RUNS.run(() -> ForkedJvm.main(V1App.class), jvm -> {
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
        Map<String, String> warning = onlyWarning(RUNS.v1(RUNS.irsaWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("source", "web_identity")
                .containsEntry("reason", "token_file_unreadable");
    }

    @Test
    void v2AServiceAccountTokenThatIsNotMountedIsNamed() {
        Map<String, String> warning = onlyWarning(RUNS.v2(RUNS.irsaWithoutItsToken(), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("source", "web_identity")
                .containsEntry("reason", "token_file_unreadable");
        assertThat(warning.get("hint")).contains("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    @Test
    void v1AWebIdentityTokenStsRefusesIsMissingCredentialsNotABadKey() throws IOException {
        fakeAws.fake().acceptWebIdentityToken("the-service-account-token");
        Path tokenFile = Files.writeString(dir.resolve("token"), "a-token-from-another-cluster");

        Map<String, String> warning = onlyWarning(RUNS.v1(jvm -> jvm.sysProp("app.credentials", "web-identity")
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

        Map<String, String> warning = onlyWarning(RUNS.v2(jvm -> jvm.sysProp("app.credentials", "web-identity")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityToken", "a-token-from-another-cluster"),
                "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("code", "InvalidIdentityToken")
                .containsEntry("reason", "web_identity_rejected").containsEntry("source", "web_identity");
    }

    @Test
    void v2AThrottledStsIsSaidToBeThrottled() {
        fakeAws.fake().throttle("sts", "AssumeRoleWithWebIdentity");

        Map<String, String> warning = onlyWarning(RUNS.v2(jvm -> jvm.sysProp("app.credentials", "web-identity")
                .sysProp("app.roleArn", ROLE_ARN).sysProp("app.webIdentityToken", "any"), "sqs.listQueues"));

        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("reason", "throttled");
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
}
