package dev.credwatch.agent.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets one line per key through per period and counts the rest, so that a failing call in a loop gives
 * one line a minute rather than thousands. Remembers at most {@code maxKeys} keys, forgetting the least
 * recently seen: a forgotten key's next line simply goes through.
 */
final class RepeatLimiter {
    /** What {@link #admit} returns for a line to drop. */
    static final long SUPPRESS = -1;

    private final Duration period;
    private final Map<String, Window> windows;

    RepeatLimiter(Duration period, final int maxKeys) {
        this.period = period;
        this.windows = new LinkedHashMap<String, Window>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** {@link #SUPPRESS}, or the number of lines suppressed for this key since the last one went through. */
    synchronized long admit(String key, Instant now) {
        Window window = windows.get(key);
        if (window != null && now.isBefore(window.opened.plus(period))) {
            window.suppressed++;
            return SUPPRESS;
        }
        windows.put(key, new Window(now));
        return window == null ? 0 : window.suppressed;
    }

    private static final class Window {
        final Instant opened;
        long suppressed;

        Window(Instant opened) {
            this.opened = opened;
        }
    }
}
