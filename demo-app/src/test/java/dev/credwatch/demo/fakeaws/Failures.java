package dev.credwatch.demo.fakeaws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What a credentials provider threw, the way its caller (and credwatch) meets it: the cause
 * chain as "class: message" lines, and how long the provider took to give up or succeed.
 */
final class Failures {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private Failures() {
    }

    /** The outcome of one timed call: its value or its exception, and its duration. */
    record Timed<T>(T value, Throwable failure, long millis) {
        List<String> chain() {
            if (failure == null) {
                throw new AssertionError("expected a failure, got " + value + " after " + millis + " ms");
            }
            return Failures.chain(failure);
        }

        T get() {
            if (failure != null) {
                throw new AssertionError("expected success after " + millis + " ms, got " + Failures.chain(failure),
                        failure);
            }
            return value;
        }
    }

    static <T> Timed<T> timed(Callable<T> call) {
        long start = System.nanoTime();
        T value = null;
        Throwable failure = null;
        try {
            value = call.call();
        } catch (Throwable t) {
            failure = t;
        }
        return new Timed<>(value, failure, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Each exception of the cause chain, outermost first, as {@code fully.qualified.Class: message},
     * with the fake's random request ids (UUIDs) written as {@code <request-id>} so that messages compare.
     */
    static List<String> chain(Throwable failure) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = failure; t != null && lines.size() < 10; t = t.getCause()) {
            lines.add((t.getClass().getName() + ": " + t.getMessage()).replaceAll(UUID, "<request-id>"));
        }
        return lines;
    }
}
