package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SDK v1 applications in forked JVMs against the fake AWS: each failure the seed articles describe,
 * and each credential state, must produce its diagnosis line, while the application sees exactly what it
 * sees without the agent.
 */
class V1DiagnosisIT {
    private static final String LONG_TERM_KEY = "AKIACREDWATCHV1IT001";
    private static final String LONG_TERM_SECRET = "v1itLongTermSecret/0123456789abcdefghijklm";
    private static final String SESSION_KEY = "ASIACREDWATCHV1IT001";
    private static final String SESSION_SECRET = "v1itSessionSecret/0123456789abcdefghijklmno";
    private static final String SESSION_TOKEN = "v1itSessionToken/IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789";
    private static final String EXPIRED_KEY = "ASIACREDWATCHV1EXP01";
    private static final String EXPIRED_SECRET = "v1itExpiredSecret/0123456789abcdefghijklmno";
    private static final String EXPIRED_TOKEN = "v1itExpiredToken/IQoJb3JpZ2luX2VjEXAMPLETOKEN9876543210";

    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(LONG_TERM_KEY, LONG_TERM_SECRET);
        fake.addSessionKey(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN, Instant.now().plus(Duration.ofHours(6)));
        fake.addSessionKey(EXPIRED_KEY, EXPIRED_SECRET, EXPIRED_TOKEN, Instant.now().minus(Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @AfterEach
    void undoFaults() {
        fake.reset();
    }

    @Test
    void aSuccessfulCallGivesNoWarningAtAll() {
        ForkedRun run = runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.listQueues", "sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok");
        assertThat(run.agentLines()).hasSize(1).allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    @Test
    void snsInvalidSecurityIsInvalidCredentials() {
        fake.rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(jvm -> longTerm(jvm), "sns.listTopics"));

        assertThat(warning).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "SNS")
                .containsEntry("operation", "ListTopics").containsEntry("code", "InvalidSecurity")
                .containsEntry("source", "static").containsEntry("kind", "long_term")
                .containsEntry("key", "AKIA****T001");
    }

    @Test
    void memoryDbInvalidCredentialsExceptionIsInvalidCredentials() {
        fake.rejectAs("memorydb", LONG_TERM_KEY, "InvalidCredentialsException");

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
        fake.setClockOffset(Duration.ofMinutes(20));

        ForkedRun run = runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "clock_skew").containsEntry("service", "SQS");
        assertThat(Long.parseLong(warning.get("skew_s"))).isBetween(1195L, 1205L);
    }

    @Test
    void aDeniedActionIsAccessDenied() {
        fake.deny("sqs", "SendMessage");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(jvm -> longTerm(jvm), "sqs.sendMessage"));

        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("operation", "SendMessage")
                .containsEntry("status", "403");
    }

    @Test
    void staticSessionKeysFromStsCloseToExpiryAreCredentialsExpiring() {
        fake.issuedCredentialLifetime(Duration.ofMinutes(4));

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
        fake.deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride", fake.instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false"), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("source", "instance_profile")
                .containsEntry("provider", "InstanceProfileCredentialsProvider").containsEntry("kind", "temporary");
        assertThat(Instant.parse(warning.get("expires_at")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void containerCredentialsShowTheirSourceAndExpiry() {
        fake.deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri()), "sqs.listQueues");

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
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri()), "sqs.listQueues",
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

    /**
     * Runs the application twice, without and with the agent: its stdout (every outcome, exception type,
     * code, status and message) must be identical, and nothing credwatch writes may hold a secret.
     */
    private static ForkedRun runWithAndWithoutAgent(UnaryOperator<ForkedJvm> setup, String... calls) {
        ForkedRun plain = setup.apply(app(calls).withoutAgent()).run();
        ForkedRun watched = setup.apply(app(calls)).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).as(watched.describe()).isEqualTo(plain.stdout());
        assertThat(withoutTimes(watched.applicationStderr())).isEqualTo(withoutTimes(plain.applicationStderr()));
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), List.of(LONG_TERM_SECRET, SESSION_SECRET,
                SESSION_TOKEN, EXPIRED_SECRET, EXPIRED_TOKEN));
        SecretScan.assertNoSecretIn(String.join("\n", watched.agentLines()), fake.secrets());
        return watched;
    }

    /** The SDK logs through java.util.logging, whose lines start with the time of day. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\d{1,2}:\\d{2}:\\d{2} [AP]M", "<time>").strip();
    }

    private static ForkedJvm app(String... calls) {
        return ForkedJvm.main(V1App.class).sysProp("app.endpoint", fake.endpoint()).args(calls);
    }

    private static List<Map<String, String>> warnings(ForkedRun run) {
        return run.warnings().stream().map(LogLine::parse).collect(Collectors.toList());
    }

    private static Map<String, String> onlyWarning(ForkedRun run) {
        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(1);
        return warnings.get(0);
    }
}
