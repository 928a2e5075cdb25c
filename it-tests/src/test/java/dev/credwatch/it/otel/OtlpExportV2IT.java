package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_KEY;
import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK v2 applications exporting through credwatch (no OpenTelemetry Java agent) to the local receiver: one
 * CLIENT span per sync or async call, named {@code Service.Operation}, with the contract's attributes, a
 * warning event for a refused key, the error counter, and no secret in any payload.
 */
class OtlpExportV2IT {
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
    void syncAndAsyncV2CallsAreOneClientSpanEachWithCredwatchsAttributesAndWarnings() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.exportingTo(OtelRuns.v2(fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET),
                            receiver)
                    .args("sts.getCallerIdentity", "async:sts.getCallerIdentity", "sns.listTopics",
                            "async:sns.listTopics")
                    .run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> ok",
                    "CALL async:sts.getCallerIdentity -> ok");
            String all = run.describe() + "\nspans: " + receiver.spans();
            assertThat(receiver.spans()).as(all).hasSize(4);

            assertThat(named(receiver, "STS.GetCallerIdentity")).as(all).hasSize(2).allSatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
                assertThat(span.getEventsList()).isEmpty();
                assertThat(OtlpSpans.attributes(span)).containsEntry("rpc.system", "aws-api")
                        .containsEntry("rpc.service", "STS").containsEntry("rpc.method", "GetCallerIdentity")
                        .containsEntry("cloud.region", "us-east-1").containsEntry("http.response.status_code", 200L)
                        .containsEntry("server.address", "127.0.0.1")
                        .containsEntry("credwatch.credentials.source", "static")
                        .containsEntry("credwatch.credentials.provider", "StaticCredentialsProvider")
                        .containsEntry("credwatch.credentials.kind", "long_term")
                        .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                        .containsKey("aws.request_id").containsKey("credwatch.clock_skew_s")
                        .doesNotContainKey("error.type").doesNotContainKey("credwatch.diagnosis");
            });
            assertThat(named(receiver, "SNS.ListTopics")).as(all).hasSize(2).allSatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
                assertThat(OtlpSpans.attributes(span)).containsEntry("rpc.system", "aws-api")
                        .containsEntry("rpc.service", "SNS").containsEntry("rpc.method", "ListTopics")
                        .containsEntry("error.type", "InvalidSecurity")
                        .containsEntry("credwatch.diagnosis", "invalid_credentials")
                        .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                        .containsKey("credwatch.hint");
                assertThat(span.getEventsList()).singleElement().satisfies(event -> {
                    assertThat(event.getName()).isEqualTo("credwatch.warning");
                    assertThat(OtlpSpans.attributes(event.getAttributesList()))
                            .containsEntry("credwatch.diagnosis", "invalid_credentials")
                            .containsEntry("credwatch.code", "InvalidSecurity").containsKey("credwatch.hint");
                });
            });
            assertThat(securityErrors(receiver)).containsEntry("invalid_credentials/InvalidSecurity/SNS", 2L);

            Set<String> secrets = new HashSet<>(fake.secrets());
            secrets.add(LONG_TERM_SECRET);
            assertThat(OtelRuns.secretsIn(receiver.rawBodies(), secrets)).isEmpty();
        }
    }

    private static List<Span> named(OtlpReceiver receiver, String name) {
        return receiver.spans().stream().filter(span -> span.getName().equals(name)).collect(Collectors.toList());
    }

    /** credwatch.security_errors points as "diagnosis/code/service" → value. */
    private static Map<String, Long> securityErrors(OtlpReceiver receiver) {
        return receiver.metrics().stream().filter(m -> m.getName().equals("credwatch.security_errors"))
                .flatMap(m -> m.getSum().getDataPointsList().stream())
                .collect(Collectors.toMap(OtlpExportV2IT::key, NumberDataPoint::getAsInt, Long::sum));
    }

    private static String key(NumberDataPoint point) {
        Map<String, Object> attributes = OtlpSpans.attributes(point.getAttributesList());
        return attributes.get("credwatch.diagnosis") + "/" + attributes.get("credwatch.code") + "/"
                + attributes.get("rpc.service");
    }
}
