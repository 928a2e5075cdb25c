package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.instrument.core.CallRecording;
import dev.credwatch.agent.instrument.core.IssuedCredentials;
import dev.credwatch.agent.instrument.core.ResponseHeaders;
import dev.credwatch.agent.instrument.core.ServiceError;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkValues.integer;
import static dev.credwatch.agent.instrument.core.SdkValues.present;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * Turns what a v2 call left in its interceptor context and execution attributes into a
 * {@link CallObservation}: at {@code afterExecution} for a success, at {@code onExecutionFailure} (or a
 * failing {@code beforeExecution}, where 2.21+ resolves credentials) for a failure.
 */
final class V2CallReader {
    private V2CallReader() {
    }

    static CallObservation success(CallRecording recording, V2Attributes keys, Object attributes, Object context,
                                   Object agentSpan) {
        long endMillis = System.currentTimeMillis();
        Object httpResponse = present(call(context, "httpResponse"));
        IssuedCredentials.learnFrom(call(context, "response"), "credentials", "accessKeyId", "expiration");
        List<FailedAttempt> failedAttempts = recording.failedAttemptsBefore(false);
        return ResponseHeaders.describeSuccess(common(recording, keys, attributes, context, agentSpan),
                        integer(call(httpResponse, "statusCode")), new V2ResponseHeaders(httpResponse), endMillis)
                .failedAttempts(failedAttempts)
                .attempts(failedAttempts.size() + 1)
                .build();
    }

    /** {@code context} is null when the call failed in {@code beforeExecution}, before any context existed. */
    static CallObservation failure(CallRecording recording, V2Attributes keys, Object attributes, Object context,
                                   Throwable thrown, Object agentSpan) {
        long endMillis = System.currentTimeMillis();
        ServiceError error = V2ServiceError.read(thrown);
        // The SDK rebuilds the final exception with the attempt count: the last attempt is matched by its answer.
        List<FailedAttempt> failedAttempts = recording.failedAttemptsBefore(recording.lastFailedAttemptAnswered(error));
        return error.describe(common(recording, keys, attributes, context, agentSpan), endMillis)
                .failedAttempts(failedAttempts)
                .attempts(failedAttempts.size() + 1)
                .build();
    }

    private static CallObservation.Builder common(CallRecording recording, V2Attributes keys, Object attributes,
                                                  Object context, Object agentSpan) {
        Object region = keys.get(attributes, keys.awsRegion);
        Object httpRequest = present(call(context, "httpRequest"));
        return CallObservation.builder()
                .sdk("v2")
                .service(V2ServiceId.of(string(keys.get(attributes, keys.serviceName))))
                .operation(string(keys.get(attributes, keys.operationName)))
                .region(string(call(region, "id")))
                .endpointHost(string(call(httpRequest, "host")))
                .traceParent(recording.traceParent())
                .agentSpan(agentSpan)
                .startEpochMillis(recording.startEpochMillis())
                .durationNanos(recording.elapsedNanos())
                .credentialFetches(recording.fetches())
                .forCredentialFetch(recording.forCredentialFetch())
                .credentials(credentials(keys, attributes, recording));
    }

    private static CredentialInfo credentials(V2Attributes keys, Object attributes, CallRecording recording) {
        Object identity = resolvedIdentity(keys.get(attributes, keys.selectedAuthScheme));
        if (identity == null) {
            identity = keys.get(attributes, keys.awsCredentials);
        }
        Object providers = keys.get(attributes, keys.identityProviders);
        Object provider = providers == null || keys.credentialsIdentityType == null ? null
                : call(providers, "identityProvider", keys.credentialsIdentityType);
        return V2CredentialReader.read(identity, provider != null ? provider : recording.credentialsSeen());
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
}
