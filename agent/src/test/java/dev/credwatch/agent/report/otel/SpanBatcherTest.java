package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SpanBatcherTest {
    /** An exporter whose answers the test gives, one per export, whenever it likes. */
    private static final class UnansweredExporter implements SpanExporter {
        final List<CompletableResultCode> answers = new CopyOnWriteArrayList<>();
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            CompletableResultCode answer = new CompletableResultCode();
            sizes.add(spans.size());
            answers.add(answer);
            return answer;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private final UnansweredExporter exporter = new UnansweredExporter();
    private final DropCounter drops = new DropCounter();

    private SpanBatcher batcher(Duration exportTimeout) {
        return new SpanBatcher(exporter, exportTimeout, drops);
    }

    private static void endSpans(SpanBatcher batcher, int count) {
        Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(batcher).build().get("test");
        for (int i = 0; i < count; i++) {
            tracer.spanBuilder("call-" + i).startSpan().end();
        }
    }

    @Test
    void fullBatchesGoOutWithoutWaitingForTheBackend() {
        SpanBatcher batcher = batcher(Duration.ofSeconds(10));
        long start = System.nanoTime();

        endSpans(batcher, SpanBatcher.MAX_BATCH * SpanBatcher.MAX_IN_FLIGHT);

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("no 10 s export wait").isLessThan(5);
        assertThat(exporter.sizes).containsOnly(SpanBatcher.MAX_BATCH).hasSize(SpanBatcher.MAX_IN_FLIGHT);
        assertThat(batcher.inFlight()).isEqualTo(SpanBatcher.MAX_IN_FLIGHT);
        exporter.answers.forEach(CompletableResultCode::succeed);
        assertThat(batcher.inFlight()).isZero();
        assertThat(drops.total()).isZero();
    }

    @Test
    void aBatchBeyondTheUnansweredOnesWaitsForTheOldestAndCountsItLost() {
        SpanBatcher batcher = batcher(Duration.ofMillis(50));

        endSpans(batcher, SpanBatcher.MAX_BATCH * (SpanBatcher.MAX_IN_FLIGHT + 1));

        assertThat(exporter.sizes).hasSize(SpanBatcher.MAX_IN_FLIGHT + 1);
        assertThat(drops.total()).as("the oldest batch, unanswered past its timeout").isEqualTo(SpanBatcher.MAX_BATCH);
    }

    @Test
    void aFailedExportIsCountedOnceEvenWhenItFailsAfterItsDeadline() {
        SpanBatcher batcher = batcher(Duration.ofSeconds(10));
        endSpans(batcher, 3);

        batcher.finish(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        exporter.answers.get(0).fail();

        assertThat(exporter.sizes).containsExactly(3);
        assertThat(drops.total()).isEqualTo(3);
    }

    @Test
    void finishingSendsThePartialBatchAndWaitsOnlyUntilTheDeadline() {
        SpanBatcher batcher = batcher(Duration.ofSeconds(10));
        endSpans(batcher, SpanBatcher.MAX_BATCH + 7);
        long start = System.nanoTime();

        batcher.finish(start + TimeUnit.MILLISECONDS.toNanos(200));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(exporter.sizes).containsExactly(SpanBatcher.MAX_BATCH, 7);
        assertThat(drops.total()).isEqualTo(SpanBatcher.MAX_BATCH + 7);
    }

    @Test
    void aHealthyBackendLosesNothingAtFinish() {
        SpanBatcher batcher = batcher(Duration.ofSeconds(10));
        endSpans(batcher, 5);
        exporterAnswersAtOnce();

        batcher.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));

        assertThat(exporter.sizes).containsExactly(5);
        assertThat(drops.total()).isZero();
    }

    /** The next export is answered by a thread, as the real sender does. */
    private void exporterAnswersAtOnce() {
        Thread answering = new Thread(() -> {
            while (exporter.answers.isEmpty()) {
                Thread.onSpinWait();
            }
            exporter.answers.get(0).succeed();
        });
        answering.setDaemon(true);
        answering.start();
    }
}
