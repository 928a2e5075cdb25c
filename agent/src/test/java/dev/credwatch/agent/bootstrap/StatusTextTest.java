package dev.credwatch.agent.bootstrap;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.diagnosis.Diagnoser;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.report.inventory.InventoryReporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import static org.assertj.core.api.Assertions.assertThat;

/** The status screen and JSON, from rows read over JMX as {@code status} reads them. */
class StatusTextTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final InventoryReporter inventory = new InventoryReporter(AccessKeyMask.PARTIAL,
            Clock.fixed(NOW, ZoneOffset.UTC), false, "1.2.3", "expiry.warn=5m mask=partial");
    private final Diagnoser diagnoser = new Diagnoser(Duration.ofMinutes(5), Duration.ofMinutes(1), name -> null);

    private void call(String key, CredentialSource source, Instant expiresAt, String errorCode) {
        CredentialInfo credentials = CredentialInfo.builder().source(source).accessKeyId(key).provider("P")
                .kind(expiresAt == null ? CredentialKind.LONG_TERM : CredentialKind.TEMPORARY).expiresAt(expiresAt).build();
        CallObservation.Builder call = CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues")
                .region("us-east-1").httpStatus(200).clockSkewSeconds(0L).credentials(credentials);
        if (errorCode != null) {
            call.httpStatus(403).errorCode(errorCode).errorMessage("expired")
                    .exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException");
        }
        CallObservation observed = call.build();
        inventory.report(observed, diagnoser.diagnose(observed, NOW), NOW);
    }

    private JvmStatus status() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(InventoryReporter.OBJECT_NAME);
        server.registerMBean(inventory, name);
        List<CompositeData> rows = new ArrayList<>();
        for (Object row : (Object[]) server.getAttribute(name, "Credentials")) {
            rows.add((CompositeData) row);
        }
        return new JvmStatus("4242", (String) server.getAttribute(name, "AgentVersion"),
                (String) server.getAttribute(name, "Settings"), rows);
    }

    @Test
    void theScreenNamesTheAgentAndShowsTimeLeftExpiredAndUnknown() throws Exception {
        call("ASIAEXPIREDSOON00001", CredentialSource.STS_ASSUME_ROLE, NOW.plusSeconds(252), null);
        call("ASIAEXPIREDALREADY02", CredentialSource.PROFILE, NOW.minusSeconds(720), "ExpiredToken");
        call("AKIALONGTERMKEY00003", CredentialSource.STATIC, null, null);

        String[] lines = StatusText.table(status()).split(System.lineSeparator());

        assertThat(lines[0]).isEqualTo("credwatch 1.2.3 in JVM 4242: 3 credentials, soonest to expire first");
        assertThat(lines[1]).isEqualTo("settings: expiry.warn=5m mask=partial");
        assertThat(lines[2]).startsWith("KEY ");
        assertThat(lines[3].split(" +")).startsWith("ASIA****DY02", "profile", "P", "temporary",
                "2026-12-01T11:48:00Z", "expired", "1", "expired_credentials=1");
        assertThat(lines[4].split(" +")).startsWith("ASIA****0001", "sts_assume_role", "P", "temporary",
                "2026-12-01T12:04:12Z", "4m12s", "1", "-");
        assertThat(lines[5].split(" +")).startsWith("AKIA****0003", "static", "P", "long_term", "-", "-", "1");
    }

    @Test
    void theJsonUsesTheLogsKeysNumbersAndNullsForWhatIsUnknown() throws Exception {
        call("ASIAEXPIREDALREADY02", CredentialSource.PROFILE, NOW.minusSeconds(720), "ExpiredToken");
        call("AKIALONGTERMKEY00003", CredentialSource.STATIC, null, null);

        String json = StatusText.json(status());

        assertThat(json).startsWith("{\"pid\":\"4242\",\"agent_version\":\"1.2.3\","
                + "\"settings\":\"expiry.warn=5m mask=partial\",\"credentials\":[");
        assertThat(json).contains("{\"key\":\"ASIA****DY02\",\"source\":\"profile\",\"provider\":\"P\","
                + "\"kind\":\"temporary\",\"expires_at\":\"2026-12-01T11:48:00Z\",\"ttl_s\":-720,\"calls\":1,"
                + "\"security_errors\":{\"expired_credentials\":1},\"last_diagnosis\":\"expired_credentials\"");
        assertThat(json).contains("{\"key\":\"AKIA****0003\",\"source\":\"static\",\"provider\":\"P\","
                + "\"kind\":\"long_term\",\"expires_at\":null,\"ttl_s\":null,\"calls\":1,\"security_errors\":{},"
                + "\"last_diagnosis\":null,\"last_fetch\":null,\"last_fetch_outcome\":null,\"last_used\":\"2026-12-01T12:00:00Z\"}");
        assertThat(json).endsWith("]}");
    }
}
