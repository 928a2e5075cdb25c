package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import dev.credwatch.it.otel.OtelRuns.OtelRoute;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_KEY;
import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_SECRET;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_KEY;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * credwatch as an extension of the real OpenTelemetry Java agent ({@code -Dotel.javaagent.extensions=}, no
 * credwatch {@code -javaagent}): the agent's AWS spans of SDK v1 and v2 calls, sync and async, carry credwatch's
 * attributes and warning events, with nothing but the agent's own settings. With both routes at once, in either
 * order, the JVM runs one credwatch: one start line, one warning event per diagnosis.
 */
class OtelAgentExtensionIT {
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(LONG_TERM_KEY, LONG_TERM_SECRET);
        fake.rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void asAnExtensionItDecoratesTheAgentsV1Spans() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.withOtelAgent(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET)
                    .args("sts.getCallerIdentity"), receiver, "credwatch-extension-v1", OtelRoute.EXTENSION).run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(startLines(run)).as(run.describe()).singleElement().asString().contains("(extension, Java ");
            Span sts = onlyAwsSpan(receiver, run, "GetCallerIdentity");
            assertThat(OtlpSpans.attributes(sts)).containsEntry("credwatch.diagnosis", "invalid_credentials")
                    .containsEntry("credwatch.credentials.access_key_id", "AKIA****LBAD")
                    .containsEntry("credwatch.credentials.source", "static");
            assertThat(sts.getEventsList()).filteredOn(event -> event.getName().equals("credwatch.warning"))
                    .singleElement().satisfies(event -> assertThat(OtlpSpans.attributes(event.getAttributesList()))
                            .containsEntry("credwatch.code", "InvalidClientTokenId"));
            assertNoSecretIn(receiver, UNKNOWN_SECRET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OtelRoute.class, names = {"EXTENSION", "EXTENSION_THEN_JAVAAGENT", "JAVAAGENT_THEN_EXTENSION"})
    void theAgentsV2SpansSyncAndAsyncCarryOneCredwatchsFindings(OtelRoute route) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.withOtelAgent(OtelRuns.v2(fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                    .args("sts.getCallerIdentity", "async:sts.getCallerIdentity", "sns.listTopics", "async:sns.listTopics"),
                    receiver, "credwatch-extension-v2", route).run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            // Whichever route comes first starts credwatch; the other finds it running.
            String firstRoute = route == OtelRoute.JAVAAGENT_THEN_EXTENSION ? "(premain, " : "(extension, ";
            assertThat(startLines(run)).as(run.describe()).singleElement().asString().contains(firstRoute);
            // The jar joins the system class path as with -javaagent: no boot class path append of credwatch's own.
            assertThat(run.stderr().lines().filter(line -> line.contains("bootstrap classpath has been appended")))
                    .as(run.describe()).hasSizeLessThanOrEqualTo(1);
            List<Span> aws = awsSpans(receiver);
            assertThat(aws).as(run.describe() + "\nspans: " + receiver.spans()).hasSize(4);
            assertThat(aws).filteredOn(span -> "GetCallerIdentity".equals(OtlpSpans.attributes(span).get("rpc.method")))
                    .hasSize(2).allSatisfy(span -> assertThat(OtlpSpans.attributes(span))
                            .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                            .containsEntry("credwatch.credentials.kind", "long_term")
                            .doesNotContainKey("credwatch.diagnosis"));
            assertThat(aws).filteredOn(span -> "ListTopics".equals(OtlpSpans.attributes(span).get("rpc.method")))
                    .hasSize(2).allSatisfy(span -> {
                        assertThat(OtlpSpans.attributes(span)).containsEntry("credwatch.diagnosis", "invalid_credentials");
                        // Two credwatch copies would each add their event.
                        assertThat(span.getEventsList()).filteredOn(event -> event.getName().equals("credwatch.warning"))
                                .hasSize(1);
                    });
            assertNoSecretIn(receiver, LONG_TERM_SECRET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OtelRoute.class, names = {"EXTENSION", "CREDWATCH_FIRST", "OTEL_FIRST"})
    void metricsAndLogRecordsGoOutThroughTheAgentsOwnPipelineWithItsResource(OtelRoute route) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.withOtelAgent(OtelRuns.v2(fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                    .args("sns.listTopics", "async:sns.listTopics"), receiver, "credwatch-agent-pipeline", route)
                    .env("OTEL_METRICS_EXPORTER", "otlp").env("OTEL_LOGS_EXPORTER", "otlp").run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            List<ResourceMetrics> credwatch = receiver.metricRequests().stream()
                    .flatMap(request -> request.getResourceMetricsList().stream())
                    .filter(resource -> resource.getScopeMetricsList().stream()
                            .anyMatch(scope -> scope.getScope().getName().equals("dev.credwatch.agent")))
                    .collect(Collectors.toList());
            assertThat(credwatch).as(run.describe()).isNotEmpty().allSatisfy(resource ->
                    assertThat(OtlpSpans.attributes(resource.getResource().getAttributesList()))
                            .containsEntry("service.name", "credwatch-agent-pipeline")
                            .containsKey("telemetry.distro.name"));
            long errors = credwatch.stream().flatMap(resource -> resource.getScopeMetricsList().stream())
                    .flatMap(scope -> scope.getMetricsList().stream())
                    .filter(metric -> metric.getName().equals("credwatch.security_errors"))
                    .flatMap(metric -> metric.getSum().getDataPointsList().stream())
                    .filter(point -> "invalid_credentials".equals(OtlpSpans.attributes(point.getAttributesList())
                            .get("credwatch.diagnosis")))
                    .mapToLong(point -> point.getAsInt()).max().orElse(0);
            // Cumulative: the last export holds both calls.
            assertThat(errors).as(run.describe()).isEqualTo(2);
            assertThat(run.agentLines()).noneMatch(line -> line.contains("exports OpenTelemetry data"));

            // One warning record per refused call, each in the trace of the agent's own span of that call.
            List<ResourceLogs> credwatchLogs = receiver.logRequests().stream()
                    .flatMap(request -> request.getResourceLogsList().stream())
                    .filter(resource -> resource.getScopeLogsList().stream()
                            .anyMatch(scope -> scope.getScope().getName().equals("dev.credwatch.agent")))
                    .collect(Collectors.toList());
            assertThat(credwatchLogs).as(run.describe()).isNotEmpty().allSatisfy(resource ->
                    assertThat(OtlpSpans.attributes(resource.getResource().getAttributesList()))
                            .containsEntry("service.name", "credwatch-agent-pipeline"));
            List<LogRecord> records = credwatchLogs.stream().flatMap(resource -> resource.getScopeLogsList().stream())
                    .filter(scope -> scope.getScope().getName().equals("dev.credwatch.agent"))
                    .flatMap(scope -> scope.getLogRecordsList().stream()).collect(Collectors.toList());
            Set<ByteString> snsSpans = awsSpans(receiver).stream()
                    .filter(span -> "ListTopics".equals(OtlpSpans.attributes(span).get("rpc.method")))
                    .map(Span::getSpanId).collect(Collectors.toSet());
            assertThat(records).as(run.describe()).hasSize(2).allSatisfy(record -> {
                assertThat(record.getSeverityText()).isEqualTo("WARN");
                assertThat(record.getEventName()).isEqualTo("credwatch.warning");
                assertThat(record.getBody().getStringValue()).contains("refused the credentials");
                assertThat(OtlpSpans.attributes(record.getAttributesList()))
                        .containsEntry("credwatch.diagnosis", "invalid_credentials")
                        .containsEntry("credwatch.code", "InvalidSecurity")
                        .containsEntry("credwatch.key", "AKIA****L001");
            });
            assertThat(records.stream().map(LogRecord::getSpanId).collect(Collectors.toSet())).isEqualTo(snsSpans);
            assertNoSecretIn(receiver, LONG_TERM_SECRET);
        }
    }

    private static List<String> startLines(ForkedRun run) {
        return run.agentLines().stream().filter(line -> line.contains(" started (")).collect(Collectors.toList());
    }

    private static List<Span> awsSpans(OtlpReceiver receiver) {
        return receiver.spans().stream().filter(span -> "aws-api".equals(OtlpSpans.attributes(span).get("rpc.system")))
                .collect(Collectors.toList());
    }

    private static Span onlyAwsSpan(OtlpReceiver receiver, ForkedRun run, String method) {
        List<Span> spans = awsSpans(receiver).stream()
                .filter(span -> method.equals(OtlpSpans.attributes(span).get("rpc.method"))).collect(Collectors.toList());
        assertThat(spans).as(run.describe() + "\nspans: " + receiver.spans()).hasSize(1);
        return spans.get(0);
    }

    private static void assertNoSecretIn(OtlpReceiver receiver, String keySecret) {
        Set<String> secrets = new HashSet<>(fake.secrets());
        secrets.add(keySecret);
        assertThat(OtelRuns.secretsIn(receiver.rawBodies(), secrets)).isEmpty();
    }
}
