package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.instrument.IssuedCredentials;
import dev.credwatch.agent.instrument.ResponseHeaders;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.ServerClock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.credwatch.agent.instrument.SdkAccessors.call;

/**
 * Turns what a v2 call left in its interceptor context and execution attributes into a
 * {@link CallObservation}: at {@code afterExecution} for a success, at {@code onExecutionFailure} (or a
 * failing {@code beforeExecution}, where 2.21+ resolves credentials) for a failure.
 */
final class V2CallReader {
    private V2CallReader() {
    }

    static CallObservation success(V2CallState state, V2Attributes keys, Object attributes, Object context,
                                   Object agentSpan) {
        long endMillis = System.currentTimeMillis();
        Object httpResponse = present(call(context, "httpResponse"));
        Object status = call(httpResponse, "statusCode");
        Map<?, ?> headers = map(call(httpResponse, "headers"));
        IssuedCredentials.learnFrom(call(context, "response"), "credentials", "accessKeyId", "expiration");
        List<FailedAttempt> failedAttempts = state.failedAttemptsBefore(null, null, 0);
        return common(state, keys, attributes, context, agentSpan)
                .httpStatus(status instanceof Integer ? (Integer) status : 0)
                .requestId(ResponseHeaders.requestId(headers))
                .extendedRequestId(ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID))
                .clockSkewSeconds(ServerClock.skewSeconds(ResponseHeaders.get(headers, "Date"), endMillis))
                .failedAttempts(failedAttempts)
                .attempts(failedAttempts.size() + 1)
                .build();
    }

    /** {@code context} is null when the call failed in {@code beforeExecution}, before any context existed. */
    static CallObservation failure(V2CallState state, V2Attributes keys, Object attributes, Object context,
                                   Throwable thrown, Object agentSpan) {
        long endMillis = System.currentTimeMillis();
        V2ServiceError error = V2ServiceError.of(thrown);
        List<FailedAttempt> failedAttempts = state.failedAttemptsBefore(error.exceptionClass(), error.errorCode,
                error.httpStatus);
        CallObservation.Builder call = common(state, keys, attributes, context, agentSpan)
                .exceptionClass(error.exceptionClass())
                .errorCode(error.errorCode)
                .errorMessage(error.errorMessage)
                .httpStatus(error.httpStatus)
                .requestId(error.requestId)
                .extendedRequestId(error.extendedRequestId)
                .clockSkewSeconds(error.clockSkewSeconds(endMillis))
                .failedAttempts(failedAttempts)
                .attempts(failedAttempts.size() + 1);
        return call.build();
    }

    private static CallObservation.Builder common(V2CallState state, V2Attributes keys, Object attributes,
                                                  Object context, Object agentSpan) {
        Object region = keys.get(attributes, keys.awsRegion);
        Object httpRequest = present(call(context, "httpRequest"));
        return CallObservation.builder()
                .sdk("v2")
                .service(V2ServiceId.of(string(keys.get(attributes, keys.serviceName))))
                .operation(string(keys.get(attributes, keys.operationName)))
                .region(string(call(region, "id")))
                .endpointHost(string(call(httpRequest, "host")))
                .traceParent(state.traceParent)
                .agentSpan(agentSpan)
                .startEpochMillis(state.startEpochMillis)
                .durationNanos(System.nanoTime() - state.startNanos)
                .credentials(credentials(keys, attributes, state));
    }

    private static CredentialInfo credentials(V2Attributes keys, Object attributes, V2CallState state) {
        Object identity = resolvedIdentity(keys.get(attributes, keys.selectedAuthScheme));
        if (identity == null) {
            identity = keys.get(attributes, keys.awsCredentials);
        }
        Object providers = keys.get(attributes, keys.identityProviders);
        Object provider = providers == null || keys.credentialsIdentityType == null ? null
                : call(providers, "identityProvider", keys.credentialsIdentityType);
        return V2CredentialReader.read(identity, provider != null ? provider : state.configuredProvider);
    }

    /** The identity the call was signed with; never waits for one still being resolved. */
    private static Object resolvedIdentity(Object selectedAuthScheme) {
        Object future = call(selectedAuthScheme, "identity");
        if (future instanceof CompletableFuture) {
            CompletableFuture<?> identity = (CompletableFuture<?>) future;
            if (identity.isDone() && !identity.isCompletedExceptionally() && !identity.isCancelled()) {
                return identity.getNow(null);
            }
        }
        return null;
    }

    private static Object present(Object value) {
        return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : null;
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }
}
