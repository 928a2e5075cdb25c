package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.log.AgentLog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The only thing an application thread touches: a bounded queue it offers observed calls to, never
 * waiting. One daemon thread, started with the first call, takes them and does all OpenTelemetry work
 * (the SDK's start included), so a slow or dead backend slows that thread only; when it falls behind,
 * the queue fills and further calls are counted as dropped.
 *
 * <p>An offer does not wake that thread: it drains the queue every {@link #DRAIN_MILLIS} ms, and is woken
 * early once the queue is a quarter full. Woken per call, as a blocking {@code poll} is, every call paid a
 * futex wake-up and the export thread a context switch, on the machine the application runs on.
 */
final class ExportQueue<T> {
    /** The work done on the export thread. */
    interface Sink<T> {
        void write(T item);

        /** Called when the queue is idle for a moment: a chance to send a partial batch. */
        void idle();

        /** Sends what is left and waits for the answers until {@code deadlineNanos} ({@link System#nanoTime()}). */
        void finish(long deadlineNanos);
    }

    /** Makes the sink on the export thread: its classes (the SDK's) load there, not at start-up. */
    interface SinkFactory<T> {
        Sink<T> create();
    }

    /**
     * Room for the calls made while the export thread starts credwatch's OpenTelemetry SDK (a second or so in a
     * cold JVM), at thousands of calls a second: a healthy backend must lose nothing. A few MiB at most, and
     * only while the export thread is behind.
     */
    static final int CAPACITY = 8192;
    /**
     * How long the exiting JVM waits for the backend's answers: a backend that hangs costs this at exit. HotSpot
     * adds up to 300 ms of its own at the very end, waiting for threads in native code (the JDK HTTP client's
     * selector): together they stay under a second.
     */
    static final long BACKEND_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    static final long DRAIN_MILLIS = 200;
    /** Woken at a quarter full, the worker drains long before a burst could fill the queue. */
    static final int WAKE_AT = CAPACITY / 4;
    /** Taken per drain, so that what the worker holds outside the queue stays small. */
    private static final int DRAIN_BATCH = 512;
    private static final long ACCOUNTING_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final BlockingQueue<T> queue = new ArrayBlockingQueue<T>(CAPACITY);
    private final SinkFactory<T> sinkFactory;
    private final DropCounter drops;
    private final long drainNanos;
    private volatile Thread worker;
    private volatile long finishDeadline;

    ExportQueue(SinkFactory<T> sinkFactory, DropCounter drops) {
        this(sinkFactory, drops, TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
    }

    /** {@code drainNanos}: how long the worker rests between drains when nothing wakes it. */
    ExportQueue(SinkFactory<T> sinkFactory, DropCounter drops, long drainNanos) {
        this.sinkFactory = sinkFactory;
        this.drops = drops;
        this.drainNanos = drainNanos;
    }

    void offer(T item) {
        if (worker == null) {
            start();
        }
        if (!queue.offer(item)) {
            drops.callsDropped(1, "its export queue of " + CAPACITY + " calls is full (the OpenTelemetry backend"
                    + " is slow or unreachable)");
        }
        if (queue.size() >= WAKE_AT) {
            LockSupport.unpark(worker);
        }
    }

    /**
     * Lets the worker drain and finish, and waits for it until {@code deadlineNanos}. The worker's own
     * deadline is earlier, so that it counts what it could not deliver (an interrupted or timed-out export)
     * before the JVM goes. Returns true if it finished.
     */
    boolean close(long deadlineNanos) throws InterruptedException {
        Thread current = worker;
        if (current == null) {
            return true;
        }
        finishDeadline = deadlineNanos - ACCOUNTING_MARGIN_NANOS;
        current.interrupt();
        current.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        return !current.isAlive();
    }

    private synchronized void start() {
        if (worker != null) {
            return;
        }
        Thread thread = new Thread(this::run, "credwatch-otel-export");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run() {
        try {
            Sink<T> sink = sinkFactory.create();
            List<T> drained = new ArrayList<T>(DRAIN_BATCH);
            while (finishDeadline == 0) {
                while (finishDeadline == 0 && queue.drainTo(drained, DRAIN_BATCH) > 0) {
                    for (T item : drained) {
                        sink.write(item);
                    }
                    drained.clear();
                }
                sink.idle();
                LockSupport.parkNanos(this, drainNanos);
            }
            Thread.interrupted();
            for (T item = queue.poll(); item != null && System.nanoTime() < finishDeadline; item = queue.poll()) {
                sink.write(item);
            }
            if (!queue.isEmpty()) {
                drops.callsDropped(queue.size(), "the JVM exited before its export queue was empty");
            }
            sink.finish(Math.min(finishDeadline, System.nanoTime() + BACKEND_WAIT_NANOS));
        } catch (Throwable t) {
            AgentLog.error("credwatch's OpenTelemetry export stopped after an internal error (" + t
                    + "); the application is not affected, its calls are no longer exported");
        }
    }
}
