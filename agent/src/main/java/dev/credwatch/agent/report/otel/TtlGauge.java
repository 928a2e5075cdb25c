package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

import java.time.Instant;
import java.util.Map;

/** {@code credwatch.credentials.ttl} in credwatch's own SDK: a long gauge reading a {@link TtlTable}. */
final class TtlGauge {
    static final int MAX_KEYS = TtlTable.MAX_KEYS;

    private final TtlTable table = new TtlTable();

    private TtlGauge() {
    }

    static TtlGauge register(Meter meter) {
        final TtlGauge gauge = new TtlGauge();
        meter.gaugeBuilder(MetricPoints.TTL)
                .setDescription(MetricPoints.TTL_DESCRIPTION)
                .setUnit("s")
                .ofLongs()
                .buildWithCallback(measurement -> {
                    for (Map.Entry<Map<String, String>, Long> point : gauge.table.secondsLeft(Instant.now().getEpochSecond())) {
                        AttributesBuilder attributes = Attributes.builder();
                        point.getKey().forEach(attributes::put);
                        measurement.record(point.getValue(), attributes.build());
                    }
                });
        return gauge;
    }

    void track(String source, String maskedKey, Instant expiresAt) {
        table.track(source, maskedKey, expiresAt);
    }
}
