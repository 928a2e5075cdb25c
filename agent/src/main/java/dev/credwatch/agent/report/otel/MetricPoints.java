package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * credwatch's metrics as plain data (DESIGN.md "Spans", metrics): their names, descriptions and units, and the
 * attributes of each point, whichever OpenTelemetry records them (credwatch's own SDK, or the Java agent's).
 */
final class MetricPoints {
    static final String SECURITY_ERRORS = "credwatch.security_errors";
    static final String SECURITY_ERRORS_DESCRIPTION = "AWS calls credwatch diagnosed, by diagnosis, AWS error code and service";
    static final String SECURITY_ERRORS_UNIT = "{diagnosis}";
    static final String FETCH_DURATION = "credwatch.credentials.fetch.duration";
    static final String FETCH_DURATION_DESCRIPTION =
            "How long credential providers took to fetch keys, by source, outcome and reason";
    static final String TTL = "credwatch.credentials.ttl";
    static final String TTL_DESCRIPTION = "Seconds until the credentials expire (negative once expired)";

    private MetricPoints() {
    }

    /** One point of {@code credwatch.security_errors}: diagnosis, AWS error code, service. */
    static Map<String, String> securityError(Observation observed, Diagnosis diagnosis) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        attributes.put(CallAttributes.DIAGNOSIS, diagnosis.category().wireName());
        putIfPresent(attributes, CallAttributes.CODE, diagnosis.evidence().errorCode());
        putIfPresent(attributes, CallAttributes.RPC_SERVICE, observed.service());
        return attributes;
    }

    /** One point of {@code credwatch.credentials.fetch.duration}: source, outcome, reason (or the slow step). */
    static Map<String, String> fetch(CredentialFetch fetch) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        attributes.put(CallAttributes.SOURCE, fetch.source().wireName());
        attributes.put("outcome", fetch.failed() ? "error" : "ok");
        putIfPresent(attributes, "reason", fetch.reason() != null ? fetch.reason() : fetch.slowStep());
        return attributes;
    }

    static double fetchSeconds(CredentialFetch fetch) {
        return fetch.durationMillis() / 1000.0;
    }

    private static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
