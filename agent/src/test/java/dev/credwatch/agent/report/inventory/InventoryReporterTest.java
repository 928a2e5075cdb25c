package dev.credwatch.agent.report.inventory;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.diagnosis.Diagnoser;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryReporterTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String SESSION_KEY = "ASIACREDWATCHINV00001";
    private static final String LONG_TERM_KEY = "AKIACREDWATCHINV00002";

    private final Diagnoser diagnoser = new Diagnoser(Duration.ofMinutes(5), Duration.ofMinutes(1),
            name -> null);
    private final InventoryReporter reporter = new InventoryReporter(AccessKeyMask.PARTIAL,
            Clock.fixed(NOW, ZoneOffset.UTC), false, "1.2.3", "expiry.warn=5m mask=partial");

    private void observe(Observation observation) {
        reporter.report(observation, diagnoser.diagnose(observation, NOW), NOW);
    }

    private static CallObservation.Builder call(CredentialInfo credentials) {
        return CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues").region("us-east-1")
                .endpointHost("127.0.0.1").httpStatus(200).clockSkewSeconds(0L).credentials(credentials);
    }

    private static CredentialInfo session(Instant expiresAt) {
        return CredentialInfo.builder().source(CredentialSource.STS_ASSUME_ROLE).kind(CredentialKind.TEMPORARY)
                .provider("STSAssumeRoleSessionCredentialsProvider").accessKeyId(SESSION_KEY).expiresAt(expiresAt)
                .build();
    }

    private static CredentialInfo longTerm() {
        return CredentialInfo.builder().source(CredentialSource.STATIC).kind(CredentialKind.LONG_TERM)
                .provider("AWSStaticCredentialsProvider").accessKeyId(LONG_TERM_KEY).build();
    }

    @Test
    void eachCredentialIsOneRowSoonestToExpireFirstWithItsCallsAndSecurityErrors() {
        observe(call(longTerm()).build());
        observe(call(session(NOW.plusSeconds(252))).build());
        observe(call(session(NOW.plusSeconds(252))).errorCode("ExpiredToken").httpStatus(403)
                .errorMessage("The security token included in the request is expired")
                .exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException").build());

        List<CredentialRow> rows = reporter.getCredentials();

        assertThat(rows).extracting(CredentialRow::getAccessKeyId).containsExactly("ASIA****0001", "AKIA****0002");
        CredentialRow session = rows.get(0);
        assertThat(session.getSource()).isEqualTo("sts_assume_role");
        assertThat(session.getKind()).isEqualTo("temporary");
        assertThat(session.getExpiresAt()).isEqualTo("2026-12-01T12:04:12Z");
        assertThat(session.getTtlSeconds()).isEqualTo(252);
        assertThat(session.getCalls()).isEqualTo(2);
        assertThat(session.getSecurityErrors()).containsExactly(java.util.Map.entry("expired_credentials", 1L));
        assertThat(session.getLastDiagnosis()).isEqualTo("expired_credentials");
        assertThat(rows.get(1).getTtlSeconds()).isEqualTo(-1);
        assertThat(rows.get(1).getSecurityErrors()).isEmpty();
        assertThat(String.valueOf(rows)).doesNotContain(SESSION_KEY, LONG_TERM_KEY);
    }

    @Test
    void aFetchTheCallWaitedForIsItsKeysLastFetch() {
        CredentialFetch fetch = new CredentialFetch("v1", "STSAssumeRoleSessionCredentialsProvider",
                CredentialSource.STS_ASSUME_ROLE, NOW.toEpochMilli(), 40, CredentialFetch.Outcome.OK, null, null, null,
                null);
        observe(call(session(NOW.plusSeconds(900))).credentialFetches(java.util.List.of(fetch)).build());

        assertThat(reporter.getCredentials()).singleElement().satisfies(row -> {
            assertThat(row.getLastFetchOutcome()).isEqualTo("ok");
            assertThat(row.getLastFetch()).isEqualTo("2026-12-01T12:00:00Z");
        });
    }

    @Test
    void aProviderWhoseFetchFailedIsARowWithoutAKey() {
        observe(new CredentialFetch("v2", "InstanceProfileCredentialsProvider", CredentialSource.INSTANCE_PROFILE,
                NOW.toEpochMilli(), 1200, CredentialFetch.Outcome.FAILED, "imds_no_role", null, "HTTP 404", null));

        assertThat(reporter.getCredentials()).singleElement().satisfies(row -> {
            assertThat(row.getAccessKeyId()).isEqualTo(CredentialInventory.NO_KEY);
            assertThat(row.getSource()).isEqualTo("instance_profile");
            assertThat(row.getLastFetchOutcome()).isEqualTo("failed (imds_no_role)");
        });
    }

    @Test
    void endlessSessionKeysKeepTheTableBounded() {
        for (int i = 0; i < 5_000; i++) {
            CredentialInfo minted = session(NOW.plusSeconds(900)).toBuilder()
                    .accessKeyId(String.format("ASIAMINTED%011d", i)).build();
            reporter.report(call(minted).build(), Collections.emptyList(), NOW);
        }

        assertThat(reporter.getCredentials()).hasSize(CredentialInventory.MAX_ENTRIES);
    }

    @Test
    void jmxReadsTheRowsAsOpenTypesWithoutCredwatchClasses() throws Exception {
        observe(call(session(NOW.plusSeconds(252))).build());
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(InventoryReporter.OBJECT_NAME);
        server.registerMBean(reporter, name);

        Object[] rows = (Object[]) server.getAttribute(name, "Credentials");

        assertThat(rows).singleElement().isInstanceOf(CompositeData.class);
        CompositeData row = (CompositeData) rows[0];
        assertThat(row.get("accessKeyId")).isEqualTo("ASIA****0001");
        assertThat(row.get("ttlSeconds")).isEqualTo(252L);
        assertThat(row.get("securityErrors")).isInstanceOf(TabularData.class);
        assertThat(server.getAttribute(name, "AgentVersion")).isEqualTo("1.2.3");
        assertThat(server.getAttribute(name, "Settings")).isEqualTo("expiry.warn=5m mask=partial");
    }
}
