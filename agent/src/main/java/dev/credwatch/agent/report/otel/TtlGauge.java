package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code credwatch.credentials.ttl}: seconds left on each set of credentials seen with a known expiry, by
 * source and masked key id. Bounded: the least recently used keys are forgotten past {@link #MAX_KEYS}
 * (rotating temporary credentials would otherwise add a series per key forever), and so are keys that
 * expired more than an hour ago.
 */
final class TtlGauge {
    static final int MAX_KEYS = 64;
    private static final long FORGET_AFTER_EXPIRY_SECONDS = 3600;
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey(CallAttributes.SOURCE);
    private static final AttributeKey<String> KEY = AttributeKey.stringKey(CallAttributes.ACCESS_KEY_ID);

    private final Map<Attributes, Instant> expiries = new LinkedHashMap<Attributes, Instant>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Attributes, Instant> eldest) {
            return size() > MAX_KEYS;
        }
    };

    private TtlGauge() {
    }

    static TtlGauge register(Meter meter) {
        final TtlGauge gauge = new TtlGauge();
        meter.gaugeBuilder("credwatch.credentials.ttl")
                .setDescription("Seconds until the credentials expire (negative once expired)")
                .setUnit("s")
                .ofLongs()
                .buildWithCallback(measurement -> {
                    long now = Instant.now().getEpochSecond();
                    for (Map.Entry<Attributes, Instant> entry : gauge.snapshot(now)) {
                        measurement.record(entry.getValue().getEpochSecond() - now, entry.getKey());
                    }
                });
        return gauge;
    }

    synchronized void track(String source, String maskedKey, Instant expiresAt) {
        expiries.put(Attributes.of(SOURCE, source, KEY, maskedKey), expiresAt);
    }

    private synchronized List<Map.Entry<Attributes, Instant>> snapshot(long nowEpochSecond) {
        expiries.values().removeIf(expiry -> nowEpochSecond - expiry.getEpochSecond() > FORGET_AFTER_EXPIRY_SECONDS);
        return new ArrayList<Map.Entry<Attributes, Instant>>(expiries.entrySet());
    }
}
