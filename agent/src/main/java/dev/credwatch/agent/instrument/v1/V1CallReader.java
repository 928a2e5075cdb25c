package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.IssuedCredentials;
import dev.credwatch.agent.instrument.ResponseHeaders;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.ServerClock;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.credwatch.agent.instrument.SdkAccessors.call;

/** Turns what a v1 call left behind (request, context, response or exception) into a {@link CallObservation}. */
final class V1CallReader {
    private V1CallReader() {
    }

    static CallObservation read(V1CallState state, Object request, Object executionContext, Object response,
                                Throwable thrown) {
        long endMillis = System.currentTimeMillis();
        V1RequestContext context = V1RequestContext.of(request);
        CallObservation.Builder call = CallObservation.builder()
                .sdk("v1")
                .service(context.serviceId())
                .operation(context.operationName())
                .region(context.signingRegion())
                .endpointHost(endpointHost(request))
                .startEpochMillis(state.startEpochMillis)
                .durationNanos(System.nanoTime() - state.startNanos)
                .traceParent(state.traceParent)
                .credentials(V1CredentialReader.read(state.credentials, call(executionContext, "getCredentialsProvider")));
        if (thrown == null) {
            readSuccess(call, response, endMillis);
        } else {
            readFailure(call, thrown, endMillis);
        }
        List<FailedAttempt> failedAttempts = failedAttempts(state, thrown);
        return call.failedAttempts(failedAttempts).attempts(failedAttempts.size() + 1).build();
    }

    private static void readSuccess(CallObservation.Builder call, Object response, long endMillis) {
        Object httpResponse = call(response, "getHttpResponse");
        Object status = call(httpResponse, "getStatusCode");
        Map<?, ?> headers = (Map<?, ?>) call(httpResponse, "getHeaders");
        call.httpStatus(status instanceof Integer ? (Integer) status : 0)
                .requestId(ResponseHeaders.requestId(headers))
                .extendedRequestId(ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID))
                .clockSkewSeconds(ServerClock.skewSeconds(ResponseHeaders.get(headers, "Date"), endMillis));
        IssuedCredentials.learnFrom(call(response, "getAwsResponse"), "getCredentials", "getAccessKeyId",
                "getExpiration");
    }

    private static void readFailure(CallObservation.Builder call, Throwable thrown, long endMillis) {
        call.exceptionClass(thrown.getClass().getName());
        Object errorCode = call(thrown, "getErrorCode");
        if (!(errorCode instanceof String)) {
            // A client-side failure (no credentials, a network error): only its message explains it.
            call.errorMessage(thrown.getMessage());
            return;
        }
        Map<?, ?> headers = (Map<?, ?>) call(thrown, "getHttpHeaders");
        Object status = call(thrown, "getStatusCode");
        Object requestId = call(thrown, "getRequestId");
        Object message = call(thrown, "getErrorMessage");
        Object extendedRequestId = call(thrown, "getExtendedRequestId");
        call.errorCode((String) errorCode)
                .errorMessage(message instanceof String ? (String) message : thrown.getMessage())
                .httpStatus(status instanceof Integer ? (Integer) status : 0)
                .requestId(requestId instanceof String ? (String) requestId : ResponseHeaders.requestId(headers))
                .extendedRequestId(extendedRequestId instanceof String ? (String) extendedRequestId
                        : ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID))
                .clockSkewSeconds(ServerClock.skewSeconds(ResponseHeaders.get(headers, "Date"), endMillis));
    }

    /** The attempts that failed before the last one; the last is the call's own outcome. */
    private static List<FailedAttempt> failedAttempts(V1CallState state, Throwable thrown) {
        int count = state.failedAttemptCount();
        if (count > 0 && state.failedAttempt(count - 1) == thrown) {
            count--;
        }
        if (count == 0) {
            return Collections.emptyList();
        }
        List<FailedAttempt> attempts = new ArrayList<FailedAttempt>(count);
        for (int i = 0; i < count; i++) {
            Object exception = state.failedAttempt(i);
            Object code = call(exception, "getErrorCode");
            Object status = call(exception, "getStatusCode");
            Map<?, ?> headers = (Map<?, ?>) call(exception, "getHttpHeaders");
            attempts.add(new FailedAttempt(code instanceof String ? (String) code : null,
                    status instanceof Integer ? (Integer) status : 0,
                    ServerClock.skewSeconds(ResponseHeaders.get(headers, "Date"), state.failedAttemptMillis(i))));
        }
        return attempts;
    }

    private static String endpointHost(Object request) {
        Object endpoint = call(request, "getEndpoint");
        return endpoint instanceof URI ? ((URI) endpoint).getHost() : null;
    }
}
