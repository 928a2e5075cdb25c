package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.otelbridge.SpanAttributes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The span attributes and events of one call (DESIGN.md "Spans") as plain keys and values, free of
 * OpenTelemetry types: credwatch's own spans and the OpenTelemetry Java agent's spans get the same ones.
 * The only credential value is the masked access key id; error messages are left out on purpose (S3's
 * {@code SignatureDoesNotMatch} message quotes the canonical request, session token header included).
 */
final class CallAttributes {
    static final String WARNING_EVENT = "credwatch.warning";
    static final String FETCH_EVENT = "credwatch.credentials.fetch";
    static final String DIAGNOSIS = "credwatch.diagnosis";
    static final String HINT = "credwatch.hint";
    static final String CODE = "credwatch.code";
    static final String SOURCE = "credwatch.credentials.source";
    static final String ACCESS_KEY_ID = "credwatch.credentials.access_key_id";
    static final String RPC_SERVICE = "rpc.service";

    private CallAttributes() {
    }

    /** {@code Service.Operation}, as the OpenTelemetry AWS SDK instrumentation names its spans. */
    static String spanName(CallObservation call) {
        String service = call.service() == null ? "AWS" : call.service();
        return call.operation() == null ? service : service + '.' + call.operation();
    }

    /** The standard AWS SDK attributes: what credwatch's own span needs and the agent's span already has. */
    static SpanAttributes standard(CallObservation call) {
        return new SpanAttributes()
                .add("rpc.system", "aws-api")
                .add(RPC_SERVICE, call.service())
                .add("rpc.method", call.operation())
                .add("cloud.region", call.region())
                .add("aws.request_id", call.requestId())
                .add("aws.extended_request_id", call.extendedRequestId())
                .add("http.response.status_code", call.httpStatus() == 0 ? null : Long.valueOf(call.httpStatus()))
                .add("server.address", call.endpointHost())
                .add("error.type", errorType(call));
    }

    /** The {@code credwatch.*} attributes. */
    static SpanAttributes credwatch(CallObservation call, List<Diagnosis> diagnoses, Instant now,
                                    AccessKeyMask mask) {
        SpanAttributes attributes = new SpanAttributes();
        CredentialInfo credentials = call.credentials();
        if (credentials != null) {
            attributes.add(SOURCE, credentials.source().wireName())
                    .add("credwatch.credentials.provider", credentials.provider())
                    .add("credwatch.credentials.kind", credentials.kind().wireName())
                    .add(ACCESS_KEY_ID, mask.apply(credentials.accessKeyId()));
            Instant expiresAt = credentials.expiresAt();
            if (expiresAt != null) {
                attributes.add("credwatch.credentials.expires_at",
                                DateTimeFormatter.ISO_INSTANT.format(expiresAt.truncatedTo(ChronoUnit.SECONDS)))
                        .add("credwatch.credentials.ttl_s", Duration.between(now, expiresAt).getSeconds());
            }
        }
        attributes.add("credwatch.clock_skew_s", clockSkew(call));
        if (!diagnoses.isEmpty()) {
            // The first finding is the main one; every finding has its own event.
            attributes.add(DIAGNOSIS, diagnoses.get(0).category().wireName()).add(HINT, diagnoses.get(0).hint());
        }
        CredentialFetch fetch = mainFetch(call);
        if (fetch != null) {
            attributes.add("credwatch.credentials.reason", fetch.reason() != null ? fetch.reason() : fetch.slowStep())
                    .add("credwatch.credentials.fetch_ms", fetch.durationMillis());
        }
        return attributes;
    }

    /** One {@code credwatch.credentials.fetch} event's attributes per credential fetch the call waited for. */
    static List<Map<String, String>> fetchEvents(CallObservation call) {
        List<Map<String, String>> events = new ArrayList<Map<String, String>>(call.credentialFetches().size());
        for (CredentialFetch fetch : call.credentialFetches()) {
            Map<String, String> event = new LinkedHashMap<String, String>();
            event.put("source", fetch.source().wireName());
            put(event, "provider", fetch.provider());
            event.put("outcome", fetch.failed() ? "error" : "ok");
            put(event, "reason", fetch.reason() != null ? fetch.reason() : fetch.slowStep());
            event.put("duration_ms", String.valueOf(fetch.durationMillis()));
            events.add(event);
        }
        return events;
    }

    /** Events by name, in the order a reader wants them: the warnings, then the fetches behind them. */
    static Map<String, List<Map<String, String>>> events(CallObservation call, List<Diagnosis> diagnoses) {
        if (diagnoses.isEmpty() && call.credentialFetches().isEmpty()) {
            // Nearly every call: nothing to build, nothing for the span's decoration to walk.
            return Collections.emptyMap();
        }
        Map<String, List<Map<String, String>>> events = new LinkedHashMap<String, List<Map<String, String>>>();
        events.put(WARNING_EVENT, warningEvents(diagnoses));
        events.put(FETCH_EVENT, fetchEvents(call));
        return events;
    }

    /** The fetch that says most: a failed one, else the slowest. */
    private static CredentialFetch mainFetch(CallObservation call) {
        CredentialFetch main = null;
        List<CredentialFetch> fetches = call.credentialFetches();
        for (int i = 0; i < fetches.size(); i++) { // indexed: an iterator is an allocation on every call
            CredentialFetch fetch = fetches.get(i);
            if (main == null || fetch.failed() && !main.failed()
                    || fetch.failed() == main.failed() && fetch.durationMillis() > main.durationMillis()) {
                main = fetch;
            }
        }
        return main;
    }

    /** One {@code credwatch.warning} event's attributes per diagnosis. */
    static List<Map<String, String>> warningEvents(List<Diagnosis> diagnoses) {
        List<Map<String, String>> events = new ArrayList<Map<String, String>>(diagnoses.size());
        for (Diagnosis diagnosis : diagnoses) {
            Map<String, String> event = new LinkedHashMap<String, String>();
            event.put(DIAGNOSIS, diagnosis.category().wireName());
            put(event, HINT, diagnosis.hint());
            put(event, CODE, diagnosis.evidence().errorCode());
            events.add(event);
        }
        return events;
    }

    static String errorType(CallObservation call) {
        if (!call.failed()) {
            return null;
        }
        return call.errorCode() != null ? call.errorCode() : call.exceptionClass();
    }

    /** The call's own skew, else the skew a failed (and retried) attempt measured. */
    private static Long clockSkew(CallObservation call) {
        if (call.clockSkewSeconds() != null) {
            return call.clockSkewSeconds();
        }
        for (int i = call.failedAttempts().size() - 1; i >= 0; i--) {
            if (call.failedAttempts().get(i).clockSkewSeconds() != null) {
                return call.failedAttempts().get(i).clockSkewSeconds();
            }
        }
        return null;
    }

    private static <V> void put(Map<String, V> attributes, String key, V value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
