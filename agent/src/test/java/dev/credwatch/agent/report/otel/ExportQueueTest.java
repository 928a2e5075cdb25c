package dev.credwatch.agent.report.otel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExportQueueTest {

    /** A sink whose first write blocks until released, like an export to a backend that hangs. */
    private static final class BlockingSink implements ExportQueue.Sink<Integer> {
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> written = new CopyOnWriteArrayList<>();
        volatile boolean finished;

        @Override
        public void write(Integer item) {
            firstWriteStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(item);
        }

        @Override
        public void idle() {
        }

        @Override
        public void finish(long deadlineNanos) {
            finished = true;
        }
    }

    @Test
    void offeringNeverWaitsAndCountsWhatAFullQueueDrops() throws Exception {
        BlockingSink sink = new BlockingSink();
        DropCounter drops = new DropCounter();
        ExportQueue<Integer> queue = new ExportQueue<>(() -> sink, drops);

        queue.offer(0);
        assertThat(sink.firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        for (int i = 1; i <= ExportQueue.CAPACITY + 5; i++) {
            queue.offer(i);
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(drops.total()).isEqualTo(5);
        sink.release.countDown();
        assertThat(queue.close(System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isTrue();
        assertThat(sink.finished).isTrue();
        assertThat(sink.written).hasSize(ExportQueue.CAPACITY + 1);
    }

    @Test
    void callsDoNotWakeTheWorkerUntilTheQueueIsAQuarterFull() throws Exception {
        BlockingQueue<Integer> written = new LinkedBlockingQueue<>();
        CountDownLatch resting = new CountDownLatch(1);
        ExportQueue<Integer> queue = new ExportQueue<>(() -> new ExportQueue.Sink<Integer>() {
            @Override
            public void write(Integer item) {
                written.add(item);
            }

            @Override
            public void idle() {
                resting.countDown();
            }

            @Override
            public void finish(long deadlineNanos) {
            }
        }, new DropCounter(), TimeUnit.HOURS.toNanos(1));

        queue.offer(0);
        // The worker drains once as it starts, then rests: what comes after it must wait.
        assertThat(resting.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < ExportQueue.WAKE_AT - 1; i++) {
            queue.offer(i);
        }
        Thread.sleep(300);
        // Its first drain may have taken the first call, or come just before it: no more.
        assertThat(written.size()).isLessThanOrEqualTo(1);

        queue.offer(ExportQueue.WAKE_AT - 1);
        queue.offer(ExportQueue.WAKE_AT);
        for (int i = 0; i <= ExportQueue.WAKE_AT; i++) {
            assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(queue.close(System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void closingWithoutAnyCallStartsNothing() throws Exception {
        ExportQueue<Integer> queue = new ExportQueue<>(() -> {
            throw new AssertionError("no sink without a call");
        }, new DropCounter());

        assertThat(queue.close(System.nanoTime())).isTrue();
    }
}
