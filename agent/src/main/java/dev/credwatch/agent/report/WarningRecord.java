package dev.credwatch.agent.report;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.Observation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A warning as an OpenTelemetry log record (DESIGN.md "Spans", log records): severity WARN, the hint as its
 * body, and the keys of its log line as {@code credwatch.*} attributes, so that a log backend filters on the
 * same names a person greps for. Plain Java: each OpenTelemetry (credwatch's own, or the Java agent's) turns it
 * into its own record. {@code suppressed} is left out: records are not rate limited, the log is.
 */
public final class WarningRecord {
    public static final String EVENT_NAME = "credwatch.warning";
    static final String PREFIX = "credwatch.";

    private final String body;
    private final Map<String, Object> attributes;

    private WarningRecord(String body, Map<String, Object> attributes) {
        this.body = body;
        this.attributes = attributes;
    }

    public static WarningRecord of(Observation observed, Diagnosis diagnosis, Instant now, AccessKeyMask mask) {
        Map<String, Object> attributes = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, Object> field : DiagnosisLine.of(observed, diagnosis, now, mask, 0).fields().entrySet()) {
            if (!"hint".equals(field.getKey())) {
                attributes.put(PREFIX + field.getKey(), field.getValue());
            }
        }
        return new WarningRecord(diagnosis.hint(), Collections.unmodifiableMap(attributes));
    }

    /** The hint: what to do about it. */
    public String body() {
        return body;
    }

    /** {@code credwatch.diagnosis}, {@code credwatch.code}, … in the log line's order; values are String or Long. */
    public Map<String, Object> attributes() {
        return attributes;
    }
}
