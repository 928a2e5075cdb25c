package dev.credwatch.it.otel;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import dev.credwatch.it.harness.ProviderRuns;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_KEY;
import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_SECRET;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_KEY;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings as OpenTelemetry log records, exported by credwatch (no OpenTelemetry Java agent) to the local OTLP
 * receiver, decoded with the real protobuf: one WARN {@code credwatch.warning} record per diagnosis, the hint as
 * body, the log line's keys as {@code credwatch.*} attributes, and the trace and span ids of credwatch's span
 * for the call; none for a healthy call, none with {@code OTEL_LOGS_EXPORTER=none}; a failed background refresh
 * in no trace; no secret in any payload.
 */
class OtlpLogRecordsIT extends OtlpReceiverFixture {

    /**
     * The V1 runs pause 1.5 s after their calls: the batch then leaves while the application runs, so what these
     * tests check does not hang on how fast a cold JVM sends its last batch at exit (OtlpBackendFailureIT's part).
     */
    private ForkedRun export(ForkedJvm jvm) {
        receiver = OtlpReceiver.start();
        ForkedRun run = OtelRuns.exportingTo(jvm, receiver).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return run;
    }

    @Test
    void anUnknownKeyIsOneWarnRecordInTheTraceOfItsSpan() {
        ForkedRun run = export(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET)
                .args("sts.getCallerIdentity", "app.pause"));

        Span span = onlySpan("STS.GetCallerIdentity");
        String all = run.describe() + "\nrecords: " + receiver.logRecords();
        assertThat(receiver.logRecords()).as(all).singleElement().satisfies(record -> {
            assertWarningOf(span, record);
            assertThat(OtlpSpans.attributes(record.getAttributesList()))
                    .containsEntry("credwatch.diagnosis", "invalid_credentials")
                    .containsEntry("credwatch.service", "STS").containsEntry("credwatch.operation", "GetCallerIdentity")
                    .containsEntry("credwatch.code", "InvalidClientTokenId").containsEntry("credwatch.status", 403L)
                    .containsEntry("credwatch.source", "static").containsEntry("credwatch.key", "AKIA****LBAD")
                    .doesNotContainKey("credwatch.hint");
        });
        Map<String, Object> resource = OtlpSpans.attributes(
                receiver.logRequests().get(0).getResourceLogs(0).getResource().getAttributesList());
        assertThat(resource).containsEntry("service.name", "credwatch-it").containsEntry("deployment.environment", "it");
        assertThat(run.agentLines()).anyMatch(line -> line.contains("credwatch exports OpenTelemetry data")
                && line.contains("logs=" + receiver.endpoint() + "/v1/logs"));
    }

    @Test
    void aHealthyCallIsASpanAndNoRecord() {
        export(OtelRuns.v1(V1App.class, fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                .args("sts.getCallerIdentity", "app.pause"));

        onlySpan("STS.GetCallerIdentity");
        assertThat(receiver.logRecords()).isEmpty();
        assertThat(receiver.requestPaths()).doesNotContain("/v1/logs");
    }

    @Test
    void withTheLogsExporterNoneSpansStillGoOutAndNoLogRequestIsMade() {
        ForkedRun run = export(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET)
                .env("OTEL_LOGS_EXPORTER", "none").args("sts.getCallerIdentity", "app.pause"));

        assertThat(OtlpSpans.attributes(onlySpan("STS.GetCallerIdentity")))
                .containsEntry("credwatch.diagnosis", "invalid_credentials");
        assertThat(receiver.requestPaths()).as(run.describe()).contains("/v1/traces").doesNotContain("/v1/logs");
        assertThat(run.agentLines()).anyMatch(line -> line.contains("credwatch exports OpenTelemetry data")
                && line.contains("logs=none"));
    }

    @Test
    void v2SyncAndAsyncRefusalsAreOneRecordEachInTheTraceOfTheirOwnSpan() {
        fake.rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");
        ForkedRun run = export(OtelRuns.v2(fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                .args("sts.getCallerIdentity", "sns.listTopics", "async:sns.listTopics"));

        List<Span> refused = receiver.spans().stream().filter(span -> span.getName().equals("SNS.ListTopics"))
                .collect(Collectors.toList());
        String all = run.describe() + "\nspans: " + receiver.spans() + "\nrecords: " + receiver.logRecords();
        assertThat(refused).as(all).hasSize(2);
        assertThat(receiver.logRecords()).as(all).hasSize(2);
        for (Span span : refused) {
            assertThat(receiver.logRecords()).as(all)
                    .filteredOn(record -> OtlpSpans.spanId(record).equals(OtlpSpans.spanId(span))).singleElement()
                    .satisfies(record -> {
                        assertWarningOf(span, record);
                        assertThat(OtlpSpans.attributes(record.getAttributesList()))
                                .containsEntry("credwatch.diagnosis", "invalid_credentials")
                                .containsEntry("credwatch.code", "InvalidSecurity")
                                .containsEntry("credwatch.key", "AKIA****L001");
                    });
        }
    }

    @Test
    void aBackgroundRefreshThatFailsIsARecordInNoTrace() {
        // Sessions of 4 minutes: SDK v1 refreshes them in the background below 5 minutes left; STS then throttles.
        fake.issuedCredentialLifetime(Duration.ofMinutes(4));
        fake.throttleAfter("sts", "AssumeRole", 1);

        ForkedRun run = export(OtelRuns.v1(V1App.class, fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                .sysProp("app.credentials", "assume-role").sysProp("app.roleArn", ProviderRuns.ROLE_ARN)
                .args("sqs.listQueues", "sqs.listQueues", "app.pause", "sqs.listQueues", "app.pause"));

        String all = run.describe() + "\nrecords: " + receiver.logRecords();
        assertThat(receiver.logRecords()).as(all).filteredOn(record -> "credentials_refresh_failed".equals(
                OtlpSpans.attributes(record.getAttributesList()).get("credwatch.diagnosis"))).isNotEmpty()
                .allSatisfy(record -> {
                    assertThat(record.getEventName()).isEqualTo("credwatch.warning");
                    assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
                    assertThat(record.getBody().getStringValue()).contains("the old keys still used expire in");
                    assertThat(record.getTraceId().isEmpty()).as("no trace id").isTrue();
                    assertThat(record.getSpanId().isEmpty()).as("no span id").isTrue();
                    assertThat(OtlpSpans.attributes(record.getAttributesList()))
                            .containsEntry("credwatch.reason", "throttled")
                            .containsEntry("credwatch.source", "sts_assume_role")
                            .doesNotContainKey("credwatch.service");
                });
    }

    /** A credwatch.warning record: WARN, the span's hint as body, the span's ids, stamped at the call's end. */
    private static void assertWarningOf(Span span, LogRecord record) {
        assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
        assertThat(record.getSeverityText()).isEqualTo("WARN");
        assertThat(record.getEventName()).isEqualTo("credwatch.warning");
        assertThat(record.getBody().getStringValue()).isNotBlank()
                .isEqualTo(OtlpSpans.attributes(span).get("credwatch.hint"));
        assertThat(OtlpSpans.traceId(record)).isEqualTo(OtlpSpans.traceId(span));
        assertThat(OtlpSpans.spanId(record)).isEqualTo(OtlpSpans.spanId(span));
        assertThat(record.getTimeUnixNano()).isEqualTo(span.getEndTimeUnixNano());
    }

    private Span onlySpan(String name) {
        List<Span> spans = receiver.spans().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
        assertThat(spans).as("spans named %s among %s", name, receiver.spans()).hasSize(1);
        return spans.get(0);
    }
}
