package dev.credwatch.demo.fakeaws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent requests, bounded so that a long demo run cannot grow it without limit. */
final class RequestLog {
    private static final int CAPACITY = 10_000;
    private final Deque<FakeRequest> entries = new ArrayDeque<>();

    synchronized void add(FakeRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<FakeRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
