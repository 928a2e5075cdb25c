package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Log records share the spans' batching ({@link ExportBatcher}, tested in depth by SpanBatcherTest). */
class LogRecordBatcherTest {
    /** An exporter whose answers the test gives. */
    private static final class UnansweredExporter implements LogRecordExporter {
        final List<CompletableResultCode> answers = new CopyOnWriteArrayList<>();
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<LogRecordData> records) {
            CompletableResultCode answer = new CompletableResultCode();
            sizes.add(records.size());
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
    private final LogRecordBatcher batcher = new LogRecordBatcher(exporter, Duration.ofSeconds(10), drops);

    private void emit(int count) {
        Logger logger = SdkLoggerProvider.builder().addLogRecordProcessor(batcher).build().get("test");
        for (int i = 0; i < count; i++) {
            logger.logRecordBuilder().setBody("warning " + i).emit();
        }
    }

    @Test
    void recordsWaitForAFullBatchOrTheFlushAndGoOutWithoutWaiting() {
        emit(ExportBatcher.MAX_BATCH + 3);
        assertThat(exporter.sizes).containsExactly(ExportBatcher.MAX_BATCH);

        batcher.forceFlush();

        assertThat(exporter.sizes).containsExactly(ExportBatcher.MAX_BATCH, 3);
        exporter.answers.forEach(CompletableResultCode::succeed);
        batcher.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        assertThat(drops.total()).isZero();
    }

    @Test
    void recordsUnansweredAtTheDeadlineAreCountedAsLostLogRecords() {
        emit(2);
        long start = System.nanoTime();

        batcher.finish(start + TimeUnit.MILLISECONDS.toNanos(100));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(exporter.sizes).containsExactly(2);
        assertThat(drops.total()).isEqualTo(2);
    }

    @Test
    void aFailedExportIsCountedOnce() {
        emit(4);
        batcher.forceFlush();

        exporter.answers.get(0).fail();
        batcher.finish(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));

        assertThat(drops.total()).isEqualTo(4);
    }
}
