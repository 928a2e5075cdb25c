package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.diagnosis.DiagnosisCategory;
import dev.credwatch.agent.diagnosis.Evidence;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.TraceParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The span, log record and metric mapping, against the SDK's in-memory exporters. */
class CallTelemetryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String KEY = "ASIAIOSFODNN7EXAWXYZ";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final InMemoryLogRecordExporter records = InMemoryLogRecordExporter.create();
    private final CallTelemetry telemetry = new CallTelemetry(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build().get("test"),
            SdkMeterProvider.builder().registerMetricReader(metrics).build().get("test"), logger(records),
            AccessKeyMask.PARTIAL);

    private static Logger logger(InMemoryLogRecordExporter exporter) {
        return SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build()
                .get("test");
    }

    private static CredentialInfo session(Instant expiresAt) {
        return CredentialInfo.builder().provider("ProfileCredentialsProvider").source(CredentialSource.PROFILE)
                .kind(CredentialKind.TEMPORARY).accessKeyId(KEY).expiresAt(expiresAt).build();
    }

    private static CallObservation.Builder call() {
        return CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues").region("us-east-1")
                .endpointHost("127.0.0.1").httpStatus(200).requestId("req-1").extendedRequestId("ext-1")
                .clockSkewSeconds(2L).startEpochMillis(NOW.toEpochMilli() - 250).durationNanos(TimeUnit.MILLISECONDS.toNanos(40))
                .credentials(session(NOW.plusSeconds(3600)));
    }

    private SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        return finished.get(0);
    }

    /** The diagnoses as the diagnoser hands them over: with the evidence of the call they were made on. */
    private static List<Diagnosis> on(CallObservation call, List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> d.withEvidence(Evidence.of(call, d))).collect(Collectors.toList());
    }

    @Test
    void aSuccessfulCallIsAClientSpanWithTheSdkAndCredentialAttributes() {
        telemetry.record(call().build(), Collections.emptyList(), NOW);

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("SQS.ListQueues");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStartEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(NOW.toEpochMilli() - 250));
        assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getAttributes().asMap()).containsEntry(stringKey("rpc.system"), "aws-api")
                .containsEntry(stringKey("rpc.service"), "SQS")
                .containsEntry(stringKey("rpc.method"), "ListQueues")
                .containsEntry(stringKey("cloud.region"), "us-east-1")
                .containsEntry(stringKey("aws.request_id"), "req-1")
                .containsEntry(stringKey("aws.extended_request_id"), "ext-1")
                .containsEntry(longKey("http.response.status_code"), 200L)
                .containsEntry(stringKey("server.address"), "127.0.0.1")
                .containsEntry(stringKey("credwatch.credentials.source"), "profile")
                .containsEntry(stringKey("credwatch.credentials.provider"), "ProfileCredentialsProvider")
                .containsEntry(stringKey("credwatch.credentials.kind"), "temporary")
                .containsEntry(stringKey("credwatch.credentials.access_key_id"), "ASIA****WXYZ")
                .containsEntry(stringKey("credwatch.credentials.expires_at"), "2026-11-22T11:00:00Z")
                .containsEntry(longKey("credwatch.credentials.ttl_s"), 3600L)
                .containsEntry(longKey("credwatch.clock_skew_s"), 2L)
                .doesNotContainKey(stringKey("error.type"))
                .doesNotContainKey(stringKey("credwatch.diagnosis"));
        assertThat(span.getEvents()).isEmpty();
    }

    @Test
    void aFailedCallHasErrorStatusTheErrorTypeAndOneWarningEventPerDiagnosis() {
        CallObservation failed = call().httpStatus(403).errorCode("InvalidClientTokenId")
                .errorMessage("The security token included in the request is invalid " + SECRET)
                .exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException").build();
        List<Diagnosis> diagnoses = List.of(
                new Diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "the key was deleted or mistyped"),
                new Diagnosis(DiagnosisCategory.CLOCK_SKEW, "fix the clock", "RequestTimeTooSkewed"));

        telemetry.record(failed, on(failed, diagnoses), NOW);

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo("InvalidClientTokenId");
        assertThat(span.getAttributes().asMap()).containsEntry(stringKey("error.type"), "InvalidClientTokenId")
                .containsEntry(stringKey("credwatch.diagnosis"), "invalid_credentials")
                .containsEntry(stringKey("credwatch.hint"), "the key was deleted or mistyped");
        assertThat(span.getEvents()).extracting(EventData::getName)
                .containsExactly("credwatch.warning", "credwatch.warning");
        assertThat(span.getEvents().get(0).getAttributes().asMap())
                .containsEntry(stringKey("credwatch.diagnosis"), "invalid_credentials")
                .containsEntry(stringKey("credwatch.hint"), "the key was deleted or mistyped")
                .containsEntry(stringKey("credwatch.code"), "InvalidClientTokenId");
        assertThat(span.getEvents().get(1).getAttributes().get(stringKey("credwatch.code")))
                .isEqualTo("RequestTimeTooSkewed");
        assertThat(span.getEvents().get(0).getEpochNanos()).isEqualTo(span.getEndEpochNanos());
        assertThat(span.toString()).doesNotContain(SECRET).doesNotContain(KEY);
    }

    @Test
    void aClientSideFailureNamesTheExceptionClassAsErrorType() {
        telemetry.record(call().httpStatus(0).exceptionClass("com.amazonaws.SdkClientException").build(),
                Collections.emptyList(), NOW);

        assertThat(onlySpan().getAttributes().get(stringKey("error.type"))).isEqualTo("com.amazonaws.SdkClientException");
        assertThat(onlySpan().getAttributes().get(longKey("http.response.status_code"))).isNull();
    }

    @Test
    void theSpanJoinsTheApplicationsTraceAsAChild() {
        TraceParent parent = new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

        telemetry.record(call().traceParent(parent).build(), Collections.emptyList(), NOW);

        SpanData span = onlySpan();
        assertThat(span.getTraceId()).isEqualTo(parent.traceId());
        assertThat(span.getParentSpanId()).isEqualTo(parent.spanId());
        assertThat(span.getSpanContext().isSampled()).isTrue();
    }

    @Test
    void aSkewOnlySeenOnARetriedAttemptIsReported() {
        CallObservation retried = call().clockSkewSeconds(null)
                .failedAttempts(List.of(new FailedAttempt("RequestTimeTooSkewed", 403, 900L))).attempts(2).build();

        telemetry.record(retried, Collections.emptyList(), NOW);

        assertThat(onlySpan().getAttributes().get(longKey("credwatch.clock_skew_s"))).isEqualTo(900L);
    }

    @Test
    void countsEachDiagnosisByDiagnosisCodeAndService() {
        CallObservation failed = call().httpStatus(403).errorCode("AccessDenied").exceptionClass("X").build();
        List<Diagnosis> denied = List.of(new Diagnosis(DiagnosisCategory.ACCESS_DENIED, "grant sqs:ListQueues"));

        telemetry.record(failed, on(failed, denied), NOW);
        telemetry.record(failed, on(failed, denied), NOW);
        telemetry.record(call().build(), Collections.emptyList(), NOW);

        MetricData counter = metric("credwatch.security_errors");
        assertThat(counter.getLongSumData().isMonotonic()).isTrue();
        assertThat(counter.getLongSumData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getValue()).isEqualTo(2);
            assertThat(point.getAttributes().asMap()).containsEntry(stringKey("credwatch.diagnosis"), "access_denied")
                    .containsEntry(stringKey("credwatch.code"), "AccessDenied")
                    .containsEntry(stringKey("rpc.service"), "SQS");
        });
    }

    @Test
    void gaugesTheSecondsLeftPerSourceAndMaskedKey() {
        Instant expiresAt = Instant.now().plusSeconds(600);
        telemetry.record(call().credentials(session(expiresAt)).build(), Collections.emptyList(), NOW);

        MetricData gauge = metric("credwatch.credentials.ttl");
        assertThat(gauge.getUnit()).isEqualTo("s");
        LongPointData point = gauge.getLongGaugeData().getPoints().iterator().next();
        assertThat(point.getValue()).isBetween(590L, 600L);
        assertThat(point.getAttributes().asMap()).containsEntry(stringKey("credwatch.credentials.source"), "profile")
                .containsEntry(stringKey("credwatch.credentials.access_key_id"), "ASIA****WXYZ");
    }

    @Test
    void theTtlGaugeKeepsABoundedNumberOfKeys() {
        Instant expiresAt = Instant.now().plusSeconds(600);
        for (int i = 0; i < TtlGauge.MAX_KEYS + 20; i++) {
            CredentialInfo credentials = session(expiresAt).toBuilder().accessKeyId(String.format("ASIA%012dWX%02d", i, i % 100))
                    .build();
            telemetry.record(call().credentials(credentials).build(), Collections.emptyList(), NOW);
        }

        assertThat(metric("credwatch.credentials.ttl").getLongGaugeData().getPoints()).hasSize(TtlGauge.MAX_KEYS);
    }

    @Test
    void aFullMaskHidesTheKeyIdEverywhere() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        InMemoryLogRecordExporter exportedRecords = InMemoryLogRecordExporter.create();
        CallTelemetry fullyMasked = new CallTelemetry(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build().get("t"),
                SdkMeterProvider.builder().registerMetricReader(metrics).build().get("t"), logger(exportedRecords),
                AccessKeyMask.FULL);
        CallObservation failed = call().httpStatus(403).errorCode("InvalidClientTokenId").exceptionClass("X").build();

        fullyMasked.record(failed, on(failed, List.of(new Diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "fix it"))), NOW);

        assertThat(exported.getFinishedSpanItems().get(0).getAttributes()
                .get(AttributeKey.stringKey("credwatch.credentials.access_key_id"))).isEqualTo("****");
        assertThat(exportedRecords.getFinishedLogRecordItems()).singleElement()
                .satisfies(record -> assertThat(record.getAttributes().get(stringKey("credwatch.key"))).isEqualTo("****"));
    }

    @Test
    void eachDiagnosisIsAWarnLogRecordInTheContextOfTheCallsSpan() {
        CallObservation failed = call().httpStatus(403).errorCode("InvalidClientTokenId")
                .errorMessage("The security token included in the request is invalid " + SECRET)
                .exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException").build();
        List<Diagnosis> diagnoses = List.of(
                new Diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "the key was deleted or mistyped"),
                new Diagnosis(DiagnosisCategory.CLOCK_SKEW, "fix the clock", "RequestTimeTooSkewed"));

        telemetry.record(failed, on(failed, diagnoses), NOW);

        SpanData span = onlySpan();
        List<LogRecordData> finished = records.getFinishedLogRecordItems();
        assertThat(finished).hasSize(2).allSatisfy(record -> {
            assertThat(record.getEventName()).isEqualTo("credwatch.warning");
            assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
            assertThat(record.getSeverityText()).isEqualTo("WARN");
            assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getTraceId());
            assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
            assertThat(record.getTimestampEpochNanos()).isEqualTo(span.getEndEpochNanos());
            assertThat(record.toString()).doesNotContain(SECRET).doesNotContain(KEY);
        });
        LogRecordData invalid = finished.get(0);
        assertThat(invalid.getBodyValue().asString()).isEqualTo("the key was deleted or mistyped");
        assertThat(invalid.getAttributes().asMap())
                .containsEntry(stringKey("credwatch.diagnosis"), "invalid_credentials")
                .containsEntry(stringKey("credwatch.service"), "SQS")
                .containsEntry(stringKey("credwatch.operation"), "ListQueues")
                .containsEntry(stringKey("credwatch.code"), "InvalidClientTokenId")
                .containsEntry(longKey("credwatch.status"), 403L)
                .containsEntry(stringKey("credwatch.key"), "ASIA****WXYZ")
                .containsEntry(stringKey("credwatch.request_id"), "req-1")
                .doesNotContainKey(stringKey("credwatch.hint"));
        assertThat(finished.get(1).getBodyValue().asString()).isEqualTo("fix the clock");
        assertThat(finished.get(1).getAttributes().get(stringKey("credwatch.code"))).isEqualTo("RequestTimeTooSkewed");
    }

    @Test
    void aRecordOfACallInTheApplicationsTraceCarriesThatTraceId() {
        TraceParent parent = new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
        CallObservation failed = call().traceParent(parent).httpStatus(403).errorCode("AccessDenied")
                .exceptionClass("X").build();

        telemetry.record(failed, on(failed, List.of(new Diagnosis(DiagnosisCategory.ACCESS_DENIED, "grant it"))), NOW);

        assertThat(records.getFinishedLogRecordItems()).singleElement().satisfies(record -> {
            assertThat(record.getSpanContext().getTraceId()).isEqualTo(parent.traceId());
            assertThat(record.getSpanContext().getSpanId()).isEqualTo(onlySpan().getSpanId())
                    .isNotEqualTo(parent.spanId());
        });
    }

    @Test
    void aHealthyCallIsNoLogRecord() {
        telemetry.record(call().build(), Collections.emptyList(), NOW);

        assertThat(onlySpan()).isNotNull();
        assertThat(records.getFinishedLogRecordItems()).isEmpty();
    }

    @Test
    void aFailedRefreshNoCallWaitedForIsARecordInNoTraceAndAFetchDuration() {
        CredentialFetch refresh = new CredentialFetch("v2", "InstanceProfileCredentialsProvider",
                CredentialSource.INSTANCE_PROFILE, NOW.toEpochMilli() - 2000, 1500,
                CredentialFetch.Outcome.FAILED_SERVING_OLD_KEYS, "imds_timeout", null, "connect timed out", null);
        Diagnosis failed = new Diagnosis(DiagnosisCategory.CREDENTIALS_REFRESH_FAILED, "check the instance role")
                .withReason("imds_timeout");

        telemetry.record(refresh, List.of(failed.withEvidence(Evidence.ofFetch(failed))), NOW);

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(records.getFinishedLogRecordItems()).singleElement().satisfies(record -> {
            assertThat(record.getSpanContext().isValid()).isFalse();
            assertThat(record.getEventName()).isEqualTo("credwatch.warning");
            assertThat(record.getTimestampEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(NOW.toEpochMilli()));
            assertThat(record.getBodyValue().asString()).isEqualTo("check the instance role");
            assertThat(record.getAttributes().asMap())
                    .containsEntry(stringKey("credwatch.diagnosis"), "credentials_refresh_failed")
                    .containsEntry(stringKey("credwatch.reason"), "imds_timeout");
        });
        assertThat(metric("credwatch.credentials.fetch.duration").getHistogramData().getPoints()).hasSize(1);
    }

    private MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
