package dev.credwatch.it.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A forked JVM that is still running. */
public final class RunningJvm implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final ForkedJvm.StreamCollector out;
    private final ForkedJvm.StreamCollector err;
    private final long startNanos = System.nanoTime();

    RunningJvm(Process process, List<String> command, ForkedJvm.StreamCollector out, ForkedJvm.StreamCollector err) {
        this.process = process;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    public long pid() {
        return process.pid();
    }

    public String stdoutSoFar() {
        return out.snapshot();
    }

    public String stderrSoFar() {
        return err.snapshot();
    }

    /** Waits until stdout or stderr satisfies {@code condition}; fails the test after {@code timeout}. */
    public void awaitOutput(Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(out.snapshot() + "\n" + err.snapshot())) {
            if (System.nanoTime() > deadline || !process.isAlive() && !condition.test(out.snapshot() + err.snapshot())) {
                throw new AssertionError("the expected output did not come within " + timeout + "\nstdout:\n"
                        + out.snapshot() + "\nstderr:\n" + err.snapshot());
            }
            sleep(50);
        }
    }

    public ForkedRun awaitEnd(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("forked JVM did not end within " + timeout + ": " + command
                        + "\nstdout:\n" + out.text() + "\nstderr:\n" + err.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new ForkedRun(process.exitValue(), out.text(), err.text(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
