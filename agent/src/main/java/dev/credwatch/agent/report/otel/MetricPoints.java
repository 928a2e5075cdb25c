package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Where one observation's points go: credwatch's own meter, or the OpenTelemetry Java agent's. */
    interface Recorder {
        void securityError(Map<String, String> attributes);

        void fetchDuration(double seconds, Map<String, String> attributes);

        /** A key with a known expiry, for {@code credwatch.credentials.ttl}. */
        void expiry(String source, String maskedKey, Instant expiresAt);
    }

    /**
     * The points of one observation: a call's security errors, the fetches it waited for and its keys' expiry; a
     * fetch no call waited for, its duration only.
     */
    static void record(Observation observed, List<Diagnosis> diagnoses, AccessKeyMask mask, Recorder recorder) {
        if (observed instanceof CredentialFetch) {
            CredentialFetch fetch = (CredentialFetch) observed;
            recorder.fetchDuration(fetchSeconds(fetch), fetch(fetch));
            return;
        }
        if (!(observed instanceof CallObservation)) {
            return;
        }
        CallObservation call = (CallObservation) observed;
        for (Diagnosis diagnosis : diagnoses) {
            recorder.securityError(securityError(call, diagnosis));
        }
        for (CredentialFetch fetch : call.credentialFetches()) {
            recorder.fetchDuration(fetchSeconds(fetch), fetch(fetch));
        }
        CredentialInfo credentials = call.credentials();
        if (credentials != null && credentials.expiresAt() != null) {
            recorder.expiry(credentials.source().wireName(), mask.apply(credentials.accessKeyId()),
                    credentials.expiresAt());
        }
    }

    /**
     * Whether the observation gives any point or warning record: a healthy call with long-term keys gives none, so
     * beside the OpenTelemetry Java agent its pipeline is not even looked up for one.
     */
    static boolean anyFor(Observation observed, List<Diagnosis> diagnoses) {
        if (!diagnoses.isEmpty() || !(observed instanceof CallObservation)) {
            return true;
        }
        CallObservation call = (CallObservation) observed;
        return !call.credentialFetches().isEmpty() || call.credentials() != null && call.credentials().expiresAt() != null;
    }

    /** One point of {@code credwatch.security_errors}: diagnosis, AWS error code, service. */
    private static Map<String, String> securityError(Observation observed, Diagnosis diagnosis) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        attributes.put(CallAttributes.DIAGNOSIS, diagnosis.category().wireName());
        putIfPresent(attributes, CallAttributes.CODE, diagnosis.evidence().errorCode());
        putIfPresent(attributes, CallAttributes.RPC_SERVICE, observed.service());
        return attributes;
    }

    /** One point of {@code credwatch.credentials.fetch.duration}: source, outcome, reason (or the slow step). */
    private static Map<String, String> fetch(CredentialFetch fetch) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        attributes.put(CallAttributes.SOURCE, fetch.source().wireName());
        attributes.put("outcome", fetch.failed() ? "error" : "ok");
        putIfPresent(attributes, "reason", fetch.reason() != null ? fetch.reason() : fetch.slowStep());
        return attributes;
    }

    private static double fetchSeconds(CredentialFetch fetch) {
        return fetch.durationMillis() / 1000.0;
    }

    private static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
