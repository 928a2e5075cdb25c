package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.TracedV1App;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_KEY;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** An application tracing itself with its own SDK (GlobalOpenTelemetry): credwatch's span joins its trace. */
class TraceContextIT {

    @Test
    void credwatchsSpanIsAChildOfTheApplicationsCurrentSpan() {
        try (FakeAws fake = FakeAws.start(); OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = OtelRuns.exportingTo(OtelRuns.v1(TracedV1App.class, fake.endpoint(), UNKNOWN_KEY,
                    UNKNOWN_SECRET), receiver).args("sts.getCallerIdentity").run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            String[] parent = run.stdout().lines().filter(line -> line.startsWith("PARENT ")).findFirst()
                    .orElseThrow().split(" ");
            Span span = receiver.spans().stream().filter(s -> s.getName().equals("STS.GetCallerIdentity"))
                    .findFirst().orElseThrow(() -> new AssertionError(run.describe()));
            assertThat(OtlpSpans.traceId(span)).isEqualTo(parent[1]);
            assertThat(OtlpSpans.parentSpanId(span)).isEqualTo(parent[2]);
        }
    }
}
