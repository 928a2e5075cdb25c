package dev.credwatch.it;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.AgentComparison;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.credwatch.it.harness.AgentComparison.onlyWarning;
import static dev.credwatch.it.harness.AgentComparison.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SDK v1 applications in forked JVMs against the fake AWS: each failure the seed articles describe,
 * and each credential state, must produce its diagnosis line, while the application sees exactly what it
 * sees without the agent.
 */
class V1DiagnosisIT {
    private static final ScenarioKeys KEYS = new ScenarioKeys("V1");
    private static final String LONG_TERM_KEY = KEYS.longTermKey();
    private static final String LONG_TERM_SECRET = KEYS.longTermSecret();
    private static final String EXPIRED_KEY = KEYS.expiredKey();
    private static final String EXPIRED_SECRET = KEYS.expiredSecret();
    private static final String EXPIRED_TOKEN = KEYS.expiredToken();

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);

    @Test
    void aSuccessfulCallGivesNoWarningAtAll() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.listQueues", "sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok");
        assertThat(run.agentLines()).hasSize(1).allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    @Test
    void snsInvalidSecurityIsInvalidCredentials() {
        fakeAws.fake().rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(jvm -> longTerm(jvm), "sns.listTopics"));

        assertThat(warning).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "SNS")
                .containsEntry("operation", "ListTopics").containsEntry("code", "InvalidSecurity")
                .containsEntry("source", "static").containsEntry("kind", "long_term")
                .containsEntry("key", "AKIA****T001");
    }

    @Test
    void memoryDbInvalidCredentialsExceptionIsInvalidCredentials() {
        fakeAws.fake().rejectAs("memorydb", LONG_TERM_KEY, "InvalidCredentialsException");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(jvm -> longTerm(jvm),
                "memorydb.describeClusters"));

        assertThat(warning).containsEntry("diagnosis", "invalid_credentials")
                .containsEntry("code", "InvalidCredentialsException").containsEntry("operation", "DescribeClusters");
    }

    @Test
    void anUnknownKeyIsInvalidClientTokenId() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.accessKey", "AKIAUNKNOWNKEY000001")
                .sysProp("app.secretKey", LONG_TERM_SECRET), "sts.getCallerIdentity");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "invalid_credentials")
                .containsEntry("code", "InvalidClientTokenId").containsEntry("status", "403")
                .containsKey("request_id").containsKey("hint");
    }

    @Test
    void anExpiredSessionIsExpiredCredentialsOnSqsAndSts() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "session")
                .sysProp("app.accessKey", EXPIRED_KEY).sysProp("app.secretKey", EXPIRED_SECRET)
                .sysProp("app.sessionToken", EXPIRED_TOKEN), "sqs.sendMessage", "sts.getCallerIdentity");

        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).extracting(w -> w.get("diagnosis")).containsExactly("expired_credentials",
                "expired_credentials");
        assertThat(warnings).extracting(w -> w.get("service")).containsExactly("SQS", "STS");
        assertThat(warnings).extracting(w -> w.get("code")).containsExactly("ExpiredTokenException", "ExpiredToken");
        assertThat(warnings.get(0)).containsEntry("kind", "temporary").containsEntry("key", "ASIA****XP01");
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.accessKey", LONG_TERM_KEY)
                .sysProp("app.secretKey", "aWrongSecretThatIsNotTheRealOne0123456789"), "sqs.listQueues");

        // SQS speaks JSON here: its signature error is InvalidSignatureException, not SignatureDoesNotMatch.
        assertThat(onlyWarning(run)).containsEntry("diagnosis", "signature_mismatch")
                .containsEntry("code", "InvalidSignatureException").containsEntry("key", "AKIA****T001");
    }

    @Test
    void aClockOffsetIsClockSkewWithTheMeasuredSecondsEvenWhenTheRetrySucceeds() {
        fakeAws.fake().setClockOffset(Duration.ofMinutes(20));

        ForkedRun run = runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "clock_skew").containsEntry("service", "SQS");
        assertThat(Long.parseLong(warning.get("skew_s"))).isBetween(1195L, 1205L);
    }

    @Test
    void aDeniedActionIsAccessDenied() {
        fakeAws.fake().deny("sqs", "SendMessage");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.sendMessage"));

        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("operation", "SendMessage")
                .containsEntry("status", "403");
    }

    @Test
    void staticSessionKeysFromStsCloseToExpiryAreCredentialsExpiring() {
        fakeAws.fake().issuedCredentialLifetime(Duration.ofMinutes(4));

        ForkedRun run = runWithAndWithoutAgent(jvm -> longTerm(jvm).sysProp("app.credentials", "sts-session"),
                "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_expiring").containsEntry("kind", "temporary")
                .containsEntry("source", "static");
        Instant expiresAt = Instant.parse(warning.get("expires_at"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(3)), Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(Long.parseLong(warning.get("ttl_s"))).isBetween(170L, 240L);
    }

    @Test
    void instanceProfileCredentialsShowTheirSourceAndExpiry() {
        fakeAws.fake().deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                        fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false"), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("source", "instance_profile")
                .containsEntry("provider", "InstanceProfileCredentialsProvider").containsEntry("kind", "temporary");
        assertThat(Instant.parse(warning.get("expires_at")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void containerCredentialsShowTheirSourceAndExpiry() {
        fakeAws.fake().deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri()), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("source", "container")
                .containsEntry("provider", "ContainerCredentialsProvider").containsEntry("kind", "temporary");
        assertThat(Instant.parse(warning.get("expires_at")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void environmentKeysBesideAContainerRoleAreShadowed() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "default")
                .env("AWS_ACCESS_KEY_ID", LONG_TERM_KEY).env("AWS_SECRET_ACCESS_KEY", LONG_TERM_SECRET)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri()), "sqs.listQueues",
                "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_shadowed").containsEntry("source", "environment")
                .containsEntry("provider", "EnvironmentVariableCredentialsProvider");
        assertThat(warning.get("hint")).contains("container role", "AWS_CONTAINER_CREDENTIALS");
    }

    @Test
    void noCredentialsAnywhereIsMissingCredentialsExplainedProviderByProvider() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "default")
                .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credwatch/credentials")
                .env("AWS_CONFIG_FILE", "/nonexistent/credwatch/config"), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("service", "SQS");
        assertThat(warning.get("hint")).contains("environment").contains("system properties");
    }

    private static ForkedJvm longTerm(ForkedJvm jvm) {
        return jvm.sysProp("app.accessKey", LONG_TERM_KEY).sysProp("app.secretKey", LONG_TERM_SECRET);
    }

    private static ForkedJvm app(String... calls) {
        return ForkedJvm.main(V1App.class).sysProp("app.endpoint", fakeAws.fake().endpoint()).args(calls);
    }

    /** The application with and without the agent (see {@link AgentComparison}); no secret of the fake either. */
    private static ForkedRun runWithAndWithoutAgent(UnaryOperator<ForkedJvm> setup, String... calls) {
        return AgentComparison.runWithAndWithoutAgent(() -> app(calls), setup, fakeAws.secrets());
    }
}
