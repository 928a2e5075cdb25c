package dev.credwatch.agent.report.otel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code credwatch.credentials.ttl} reports: the expiry of each set of credentials seen with one, by source
 * and masked key id. Bounded: the least recently used keys are forgotten past {@link #MAX_KEYS} (rotating
 * temporary credentials would otherwise add a series per key forever), and so are keys that expired more than an
 * hour ago. Plain data, read by whichever OpenTelemetry's gauge callback.
 */
final class TtlTable {
    static final int MAX_KEYS = 64;
    private static final long FORGET_AFTER_EXPIRY_SECONDS = 3600;

    private final Map<List<String>, Instant> expiries = new LinkedHashMap<List<String>, Instant>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Instant> eldest) {
            return size() > MAX_KEYS;
        }
    };

    synchronized void track(String source, String maskedKey, Instant expiresAt) {
        expiries.put(Arrays.asList(source, maskedKey), expiresAt);
    }

    /** Seconds left per (source, key) attributes at {@code nowEpochSecond}, forgetting long-expired keys first. */
    synchronized List<Map.Entry<Map<String, String>, Long>> secondsLeft(long nowEpochSecond) {
        expiries.values().removeIf(expiry -> nowEpochSecond - expiry.getEpochSecond() > FORGET_AFTER_EXPIRY_SECONDS);
        List<Map.Entry<Map<String, String>, Long>> points = new ArrayList<Map.Entry<Map<String, String>, Long>>();
        for (Map.Entry<List<String>, Instant> entry : expiries.entrySet()) {
            Map<String, String> attributes = new LinkedHashMap<String, String>();
            attributes.put(CallAttributes.SOURCE, entry.getKey().get(0));
            attributes.put(CallAttributes.ACCESS_KEY_ID, entry.getKey().get(1));
            points.add(new java.util.AbstractMap.SimpleImmutableEntry<Map<String, String>, Long>(attributes,
                    entry.getValue().getEpochSecond() - nowEpochSecond));
        }
        return points;
    }
}
