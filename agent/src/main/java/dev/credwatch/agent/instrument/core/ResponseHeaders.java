package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.ServerClock;

import java.util.List;
import java.util.Map;

/** Header lookups shared by both SDK generations; AWS services disagree on header names and case. */
public final class ResponseHeaders {
    public static final String EXTENDED_REQUEST_ID = "x-amz-id-2";
    private static final String[] REQUEST_ID_HEADERS = {"x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"};

    private ResponseHeaders() {
    }

    /** The value of a header, found case-insensitively; null if absent. */
    public static String get(Map<?, ?> headers, String name) {
        return get(HeaderSource.of(headers), name);
    }

    public static String get(HeaderSource headers, String name) {
        return firstValue(headers.valuesOf(name));
    }

    public static String requestId(Map<?, ?> headers) {
        return requestId(HeaderSource.of(headers));
    }

    private static String requestId(HeaderSource headers) {
        for (String name : REQUEST_ID_HEADERS) {
            String value = get(headers, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A successful call's status and what its response's headers say: the request ids and AWS's clock. */
    public static CallObservation.Builder describeSuccess(CallObservation.Builder call, int httpStatus,
                                                          HeaderSource headers, long receivedEpochMillis) {
        return call.httpStatus(httpStatus)
                .requestId(requestId(headers))
                .extendedRequestId(get(headers, EXTENDED_REQUEST_ID))
                .clockSkewSeconds(clockSkewSeconds(headers, receivedEpochMillis));
    }

    /** AWS's clock minus ours, from the response's {@code Date}; null when it has none that parses. */
    public static Long clockSkewSeconds(Map<?, ?> headers, long receivedEpochMillis) {
        return clockSkewSeconds(HeaderSource.of(headers), receivedEpochMillis);
    }

    private static Long clockSkewSeconds(HeaderSource headers, long receivedEpochMillis) {
        return ServerClock.skewSeconds(get(headers, "Date"), receivedEpochMillis);
    }

    /** SDK v2 keeps header values as lists. */
    private static String firstValue(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof List) {
            List<?> values = (List<?>) value;
            return values.isEmpty() || values.get(0) == null ? null : values.get(0).toString();
        }
        if (value instanceof Iterable) {
            for (Object element : (Iterable<?>) value) {
                return element == null ? null : element.toString();
            }
        }
        return null;
    }
}
