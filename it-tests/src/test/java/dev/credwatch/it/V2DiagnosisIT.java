package dev.credwatch.it;

import dev.credwatch.it.apps.V2App;
import dev.credwatch.it.harness.AgentComparison;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.credwatch.it.harness.AgentComparison.onlyWarning;
import static dev.credwatch.it.harness.AgentComparison.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V1DiagnosisIT scenarios with SDK v2 clients, each run once on synchronous and once on asynchronous
 * clients: every failure and credential state must produce the same diagnosis line as with SDK v1, while the
 * application sees exactly what it sees without the agent.
 */
class V2DiagnosisIT {
    private static final ScenarioKeys KEYS = new ScenarioKeys("V2");
    private static final String LONG_TERM_KEY = KEYS.longTermKey();
    private static final String LONG_TERM_SECRET = KEYS.longTermSecret();
    private static final String EXPIRED_KEY = KEYS.expiredKey();
    private static final String EXPIRED_SECRET = KEYS.expiredSecret();
    private static final String EXPIRED_TOKEN = KEYS.expiredToken();

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void aSuccessfulCallGivesNoWarningAtAll(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> longTerm(jvm), "sqs.listQueues", "sts.getCallerIdentity",
                "s3.listBuckets");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok",
                "CALL s3.listBuckets -> ok");
        assertThat(run.agentLines()).as(run.describe()).hasSize(1).allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void snsInvalidSecurityIsInvalidCredentials(String client) {
        fakeAws.fake().rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(client, jvm -> longTerm(jvm), "sns.listTopics"));

        assertThat(warning).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "SNS")
                .containsEntry("operation", "ListTopics").containsEntry("code", "InvalidSecurity")
                .containsEntry("source", "static").containsEntry("provider", "StaticCredentialsProvider")
                .containsEntry("kind", "long_term").containsEntry("key", "AKIA****T001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void memoryDbInvalidCredentialsExceptionIsInvalidCredentials(String client) {
        fakeAws.fake().rejectAs("memorydb", LONG_TERM_KEY, "InvalidCredentialsException");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(client, jvm -> longTerm(jvm),
                "memorydb.describeClusters"));

        assertThat(warning).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "MemoryDB")
                .containsEntry("code", "InvalidCredentialsException").containsEntry("operation", "DescribeClusters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void anUnknownKeyIsInvalidClientTokenId(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.accessKey", "AKIAUNKNOWNKEY000002")
                .sysProp("app.secretKey", LONG_TERM_SECRET), "sts.getCallerIdentity");

        assertThat(onlyWarning(run)).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "STS")
                .containsEntry("code", "InvalidClientTokenId").containsEntry("status", "403")
                .containsKey("request_id").containsKey("hint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void anExpiredSessionIsExpiredCredentialsOnSqsAndSts(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "session")
                .sysProp("app.accessKey", EXPIRED_KEY).sysProp("app.secretKey", EXPIRED_SECRET)
                .sysProp("app.sessionToken", EXPIRED_TOKEN), "sqs.sendMessage", "sts.getCallerIdentity");

        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).extracting(w -> w.get("diagnosis")).containsExactly("expired_credentials",
                "expired_credentials");
        assertThat(warnings).extracting(w -> w.get("service")).containsExactly("SQS", "STS");
        // SQS speaks AWS JSON in SDK v2: its front end's code is ExpiredTokenException; STS's (query) ExpiredToken.
        assertThat(warnings).extracting(w -> w.get("code")).containsExactly("ExpiredTokenException", "ExpiredToken");
        assertThat(warnings.get(0)).containsEntry("kind", "temporary").containsEntry("key", "ASIA****XP01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void aWrongSecretIsASignatureMismatch(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.accessKey", LONG_TERM_KEY)
                .sysProp("app.secretKey", "aWrongSecretThatIsNotTheRealOne0123456789"), "sqs.listQueues");

        assertThat(onlyWarning(run)).containsEntry("diagnosis", "signature_mismatch")
                .containsEntry("code", "InvalidSignatureException").containsEntry("key", "AKIA****T001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void aClockOffsetIsClockSkewWithTheMeasuredSecondsEvenWhenTheRetrySucceeds(String client) {
        fakeAws.fake().setClockOffset(Duration.ofMinutes(20));

        ForkedRun run = runWithAndWithoutAgent(client, jvm -> longTerm(jvm), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "clock_skew").containsEntry("service", "SQS");
        assertThat(warning.get("hint")).contains("retried");
        assertThat(Long.parseLong(warning.get("skew_s"))).isBetween(1195L, 1205L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void aDeniedActionIsAccessDenied(String client) {
        fakeAws.fake().deny("sqs", "SendMessage");

        Map<String, String> warning = onlyWarning(runWithAndWithoutAgent(client, jvm -> longTerm(jvm), "sqs.sendMessage"));

        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("operation", "SendMessage")
                .containsEntry("status", "403");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void staticSessionKeysFromStsCloseToExpiryAreCredentialsExpiring(String client) {
        fakeAws.fake().issuedCredentialLifetime(Duration.ofMinutes(4));

        ForkedRun run = runWithAndWithoutAgent(client, jvm -> longTerm(jvm).sysProp("app.credentials", "sts-session"),
                "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_expiring").containsEntry("kind", "temporary")
                .containsEntry("source", "static");
        Instant expiresAt = Instant.parse(warning.get("expires_at"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(3)), Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(Long.parseLong(warning.get("ttl_s"))).isBetween(170L, 240L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void instanceProfileCredentialsShowTheirSourceAndExpiry(String client) {
        fakeAws.fake().deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "instance-profile")
                .sysProp("aws.ec2MetadataServiceEndpoint", fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false"), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("source", "instance_profile")
                .containsEntry("provider", "InstanceProfileCredentialsProvider").containsEntry("kind", "temporary");
        assertThat(Instant.parse(warning.get("expires_at")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void containerCredentialsShowTheirSourceAndExpiry(String client) {
        fakeAws.fake().deny("sqs", "*");

        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri()), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "access_denied").containsEntry("source", "container")
                .containsEntry("provider", "ContainerCredentialsProvider").containsEntry("kind", "temporary");
        assertThat(Instant.parse(warning.get("expires_at")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void refreshingProvidersCloseToExpiryGiveNoFalseAlarm(String client) {
        fakeAws.fake().issuedCredentialLifetime(Duration.ofMinutes(4));

        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "container")
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri()), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        assertThat(run.warnings()).as(run.describe()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void environmentKeysBesideAContainerRoleAreShadowed(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "default")
                .env("AWS_ACCESS_KEY_ID", LONG_TERM_KEY).env("AWS_SECRET_ACCESS_KEY", LONG_TERM_SECRET)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeAws.fake().containerCredentialsUri()), "sqs.listQueues",
                "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "credentials_shadowed").containsEntry("source", "environment")
                .containsEntry("provider", "EnvironmentVariableCredentialsProvider");
        assertThat(warning.get("hint")).contains("AWS_CONTAINER_CREDENTIALS_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void noCredentialsAnywhereIsMissingCredentialsExplainedProviderByProvider(String client) {
        ForkedRun run = runWithAndWithoutAgent(client, jvm -> jvm.sysProp("app.credentials", "default")
                .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credwatch/credentials")
                .env("AWS_CONFIG_FILE", "/nonexistent/credwatch/config"), "sqs.listQueues");

        Map<String, String> warning = onlyWarning(run);
        assertThat(warning).containsEntry("diagnosis", "missing_credentials").containsEntry("service", "SQS");
        assertThat(warning.get("hint")).contains("environment").contains("system properties");
    }

    private static ForkedJvm longTerm(ForkedJvm jvm) {
        return jvm.sysProp("app.accessKey", LONG_TERM_KEY).sysProp("app.secretKey", LONG_TERM_SECRET);
    }

    private static ForkedJvm app(String client, String... calls) {
        return ForkedJvm.main(V2App.class).quickStart().sysProp("app.endpoint", fakeAws.fake().endpoint())
                .sysProp("app.client", client).args(calls);
    }

    /** The application with and without the agent (see {@link AgentComparison}); no secret of the fake either. */
    private static ForkedRun runWithAndWithoutAgent(String client, UnaryOperator<ForkedJvm> setup, String... calls) {
        return AgentComparison.runWithAndWithoutAgent(() -> app(client, calls), setup, fakeAws.secrets());
    }
}
