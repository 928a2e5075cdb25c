package dev.credwatch.agent.instrument.core;

import java.util.Map;

/**
 * A response's headers, read by name: a header map (SDK v1, SDK v2's error details) or, for SDK v2's
 * responses, the response itself, whose {@code headers()} deep-copies every header into a new map on each
 * call (about a kilobyte per call); asking it name by name reads its own map.
 */
public abstract class HeaderSource {
    /** The header's value (a string, or a list of strings), found case-insensitively; null if absent. */
    public abstract Object valuesOf(String name);

    public static HeaderSource of(Map<?, ?> headers) {
        return new MapHeaders(headers);
    }

    private static final class MapHeaders extends HeaderSource {
        private final Map<?, ?> headers;

        MapHeaders(Map<?, ?> headers) {
            this.headers = headers;
        }

        @Override
        public Object valuesOf(String name) {
            if (headers == null) {
                return null;
            }
            Object value = headers.get(name);
            if (value == null) {
                for (Map.Entry<?, ?> entry : headers.entrySet()) {
                    if (entry.getKey() instanceof String && name.equalsIgnoreCase((String) entry.getKey())) {
                        return entry.getValue();
                    }
                }
            }
            return value;
        }
    }
}
