package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential fetch an SDK v2 call waited for, exported by credwatch to the local receiver: the call's span
 * carries the fetch as an event and its reason and duration as attributes, and the fetch-duration histogram
 * counts it, by source, outcome and reason.
 */
class OtlpCredentialFetchIT {
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.imdsTokenUnanswered();
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void aSlowInstanceMetadataFetchIsOnTheCallsSpanAndInTheHistogram() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.exportingTo(OtelRuns.v2(fake.endpoint(), "unused", "unused"), receiver)
                    .sysProp("app.credentials", "instance-profile")
                    .sysProp("aws.ec2MetadataServiceEndpoint", fake.instanceMetadataEndpoint())
                    .env("AWS_EC2_METADATA_DISABLED", "false")
                    .args("sqs.listQueues", "sqs.listQueues")
                    .run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
            String all = run.describe() + "\nspans: " + receiver.spans();
            List<Span> calls = receiver.spans().stream().filter(s -> s.getName().equals("SQS.ListQueues"))
                    .collect(Collectors.toList());
            assertThat(calls).as(all).hasSize(2);
            Span first = calls.stream().filter(s -> !s.getEventsList().isEmpty()).findFirst().orElseThrow();
            assertThat(OtlpSpans.attributes(first)).containsEntry("credwatch.diagnosis", "credentials_slow")
                    .containsEntry("credwatch.credentials.reason", "imds_token_failed")
                    .containsKey("credwatch.credentials.fetch_ms");
            assertThat(first.getEventsList()).extracting(Span.Event::getName)
                    .containsExactly("credwatch.warning", "credwatch.credentials.fetch");
            Map<String, Object> fetch = OtlpSpans.attributes(first.getEventsList().get(1).getAttributesList());
            assertThat(fetch).containsEntry("source", "instance_profile")
                    .containsEntry("provider", "InstanceProfileCredentialsProvider").containsEntry("outcome", "ok")
                    .containsEntry("reason", "imds_token_failed");
            assertThat(Long.parseLong((String) fetch.get("duration_ms"))).isGreaterThanOrEqualTo(900L);
            // The second call found the keys cached: no fetch, no event.
            assertThat(calls).filteredOn(s -> s.getEventsList().isEmpty()).hasSize(1);

            List<HistogramDataPoint> durations = receiver.metrics().stream()
                    .filter(m -> m.getName().equals("credwatch.credentials.fetch.duration"))
                    .flatMap(m -> m.getHistogram().getDataPointsList().stream()).collect(Collectors.toList());
            assertThat(durations).as(all).isNotEmpty().allSatisfy(point -> {
                assertThat(OtlpSpans.attributes(point.getAttributesList()))
                        .containsEntry("credwatch.credentials.source", "instance_profile")
                        .containsEntry("outcome", "ok").containsEntry("reason", "imds_token_failed");
                assertThat(point.getCount()).isEqualTo(1L);
                assertThat(point.getSum()).isGreaterThanOrEqualTo(0.9);
            });
            assertThat(OtelRuns.secretsIn(receiver.rawBodies(), fake.secrets())).isEmpty();
        }
    }
}
