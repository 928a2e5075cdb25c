package dev.credwatch.it.otel;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
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
 * SDK v1 applications exporting through credwatch to a local OTLP/HTTP receiver that decodes the real
 * protobuf: one span per call with the contract's attributes, warning events and metrics, and no secret in
 * any payload.
 */
class OtlpExportIT extends OtlpReceiverFixture {

    private ForkedRun export(String accessKey, String secretKey, String... calls) {
        receiver = OtlpReceiver.start();
        // The pause lets the spans leave while the application runs: the exit's own bound is OtlpBackendFailureIT's.
        ForkedRun run = OtelRuns.exportingTo(OtelRuns.v1(V1App.class, fake.endpoint(), accessKey, secretKey), receiver)
                .args(calls).args("app.pause").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return run;
    }

    private Span onlySpan(String name) {
        List<Span> spans = receiver.spans().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
        assertThat(spans).as("spans named %s among %s", name, receiver.spans()).hasSize(1);
        return spans.get(0);
    }

    @Test
    void aSuccessfulCallIsOneClientSpanWithTheSdkAndCredentialAttributes() {
        ForkedRun run = export(LONG_TERM_KEY, LONG_TERM_SECRET, "sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> ok");
        Span span = onlySpan("STS.GetCallerIdentity");
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
        assertThat(span.getEndTimeUnixNano()).isGreaterThan(span.getStartTimeUnixNano());
        assertThat(span.getEventsList()).isEmpty();
        assertThat(OtlpSpans.attributes(span)).containsEntry("rpc.system", "aws-api")
                .containsEntry("rpc.service", "STS").containsEntry("rpc.method", "GetCallerIdentity")
                .containsEntry("cloud.region", "us-east-1").containsEntry("http.response.status_code", 200L)
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("credwatch.credentials.source", "static")
                .containsEntry("credwatch.credentials.kind", "long_term")
                .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                .containsKey("aws.request_id").containsKey("credwatch.clock_skew_s")
                .doesNotContainKey("error.type").doesNotContainKey("credwatch.diagnosis");
        Map<String, Object> resource = OtlpSpans.attributes(
                receiver.traceRequests().get(0).getResourceSpans(0).getResource().getAttributesList());
        assertThat(resource).containsEntry("service.name", "credwatch-it")
                .containsEntry("deployment.environment", "it");
        assertThat(run.agentLines()).anyMatch(line -> line.contains("credwatch exports OpenTelemetry data"));
    }

    @Test
    void anUnknownKeyIsAnErrorSpanWithAnInvalidCredentialsWarningAndACount() {
        export(UNKNOWN_KEY, UNKNOWN_SECRET, "sts.getCallerIdentity");

        Span span = onlySpan("STS.GetCallerIdentity");
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(OtlpSpans.attributes(span)).containsEntry("error.type", "InvalidClientTokenId")
                .containsEntry("http.response.status_code", 403L)
                .containsEntry("credwatch.diagnosis", "invalid_credentials")
                .containsEntry("credwatch.credentials.access_key_id", "AKIA****LBAD")
                .containsKey("credwatch.hint");
        assertThat(span.getEventsList()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("credwatch.warning");
            assertThat(OtlpSpans.attributes(event.getAttributesList()))
                    .containsEntry("credwatch.diagnosis", "invalid_credentials")
                    .containsEntry("credwatch.code", "InvalidClientTokenId").containsKey("credwatch.hint");
        });
        assertThat(counts("credwatch.security_errors"))
                .containsEntry("invalid_credentials/InvalidClientTokenId/STS", 1L);
    }

    @Test
    void aDeniedActionIsAnAccessDeniedWarning() {
        fake.deny("sqs", "ListQueues");

        export(LONG_TERM_KEY, LONG_TERM_SECRET, "sqs.listQueues");

        Span span = onlySpan("SQS.ListQueues");
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(OtlpSpans.attributes(span)).containsEntry("credwatch.diagnosis", "access_denied");
        assertThat(span.getEvents(0).getName()).isEqualTo("credwatch.warning");
        assertThat(counts("credwatch.security_errors").keySet()).anyMatch(key -> key.startsWith("access_denied/"));
    }

    @Test
    void aSkewedClockThatTheSdkRetriedAroundIsStillAClockSkewWarning() {
        fake.setClockOffset(Duration.ofMinutes(20));

        ForkedRun run = export(LONG_TERM_KEY, LONG_TERM_SECRET, "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        Span span = onlySpan("SQS.ListQueues");
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
        assertThat(OtlpSpans.attributes(span)).containsEntry("credwatch.diagnosis", "clock_skew");
        assertThat((Long) OtlpSpans.attributes(span).get("credwatch.clock_skew_s")).isBetween(1190L, 1210L);
        assertThat(span.getEventsList()).anySatisfy(event -> assertThat(OtlpSpans.attributes(event.getAttributesList()))
                .containsEntry("credwatch.diagnosis", "clock_skew"));
    }

    @Test
    void httpJsonSendsTheSameSpanMetricsAndRecordAsJson() {
        receiver = OtlpReceiver.start();
        ForkedRun run = OtelRuns.exportingTo(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET),
                receiver).env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json").args("sts.getCallerIdentity").run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(receiver.spans()).as("no protobuf request").isEmpty();
        List<String> json = receiver.jsonRequests();
        String traces = json.stream().filter(request -> request.startsWith("/v1/traces ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.describe() + "\nrequests: " + json));
        assertThat(traces).contains("\"name\":\"STS.GetCallerIdentity\"", "\"key\":\"credwatch.diagnosis\"",
                "\"stringValue\":\"invalid_credentials\"", "\"name\":\"credwatch.warning\"");
        // OTLP/JSON writes ids as hex, not base64.
        assertThat(traces).containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
        assertThat(json).anyMatch(request -> request.startsWith("/v1/metrics ")
                && request.contains("\"name\":\"credwatch.security_errors\""));
        assertThat(json).anyMatch(request -> request.startsWith("/v1/logs ")
                && request.contains("\"eventName\":\"credwatch.warning\""));
        assertThat(run.agentLines()).noneMatch(line -> line.contains("ERROR") || line.contains("dropping"));
    }

    @Test
    void withOtelOffNothingIsExportedEvenWithAnEndpoint() {
        receiver = OtlpReceiver.start();
        ForkedRun run = OtelRuns.exportingTo(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET),
                receiver).agentArgs("otel=off").args("sts.getCallerIdentity").run();

        assertThat(run.warnings()).isNotEmpty();
        assertThat(receiver.requestCount()).isZero();
    }

    @Test
    void withoutAnyOtelSettingAutoExportsNothingAndLoadsNoSdk() {
        ForkedRun run = OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET)
                .jvmOption("-verbose:class").args("sts.getCallerIdentity").run();

        assertThat(run.warnings()).isNotEmpty();
        assertThat(run.agentLines()).noneMatch(line -> line.contains("exports OpenTelemetry"));
        assertThat(run.stdout()).doesNotContain("dev.credwatch.agent.shaded.io.opentelemetry");
    }

    @Test
    void anExporterConfiguredButNoAwsCallLoadsNoOpenTelemetrySdk() {
        receiver = OtlpReceiver.start();
        ForkedRun run = OtelRuns.exportingTo(OtelRuns.v1(V1App.class, fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET),
                receiver).jvmOption("-verbose:class").run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).doesNotContain("dev.credwatch.agent.shaded.io.opentelemetry.sdk");
        assertThat(receiver.requestCount()).isZero();
    }

    /** security_errors points as "diagnosis/code/service" → value. */
    private Map<String, Long> counts(String name) {
        return receiver.metrics().stream().filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getSum().getDataPointsList().stream())
                .collect(Collectors.toMap(OtlpExportIT::key, NumberDataPoint::getAsInt, Long::sum));
    }

    private static String key(NumberDataPoint point) {
        Map<String, Object> attributes = OtlpSpans.attributes(point.getAttributesList());
        return attributes.get("credwatch.diagnosis") + "/" + attributes.get("credwatch.code") + "/"
                + attributes.get("rpc.service");
    }

}
