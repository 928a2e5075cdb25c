package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.CallRecording;
import dev.credwatch.agent.instrument.core.IssuedCredentials;
import dev.credwatch.agent.instrument.core.HeaderSource;
import dev.credwatch.agent.instrument.core.ResponseHeaders;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkValues.integer;
import static dev.credwatch.agent.instrument.core.SdkValues.map;

/** Turns what a v1 call left behind (request, context, response or exception) into a {@link CallObservation}. */
final class V1CallReader {
    private V1CallReader() {
    }

    static CallObservation read(CallRecording recording, Object request, Object executionContext, Object response,
                                Throwable thrown) {
        long endMillis = System.currentTimeMillis();
        V1RequestContext context = V1RequestContext.of(request);
        CallObservation.Builder call = CallObservation.builder()
                .sdk("v1")
                .service(context.serviceId())
                .operation(context.operationName())
                .region(context.signingRegion())
                .endpointHost(endpointHost(request))
                .startEpochMillis(recording.startEpochMillis())
                .durationNanos(recording.elapsedNanos())
                .traceParent(recording.traceParent())
                .credentials(V1CredentialReader.read(recording.credentialsSeen(),
                        call(executionContext, "getCredentialsProvider")));
        if (thrown == null) {
            readSuccess(call, response, endMillis);
        } else {
            V1ServiceError.read(thrown).describe(call, endMillis);
        }
        // The last failed attempt is the call's own outcome when the SDK threw that very exception.
        List<FailedAttempt> failedAttempts = recording.failedAttemptsBefore(
                thrown != null && recording.lastFailedException() == thrown);
        return call.failedAttempts(failedAttempts).attempts(failedAttempts.size() + 1)
                .credentialFetches(recording.fetches()).forCredentialFetch(recording.forCredentialFetch()).build();
    }

    private static void readSuccess(CallObservation.Builder call, Object response, long endMillis) {
        Object httpResponse = call(response, "getHttpResponse");
        Map<?, ?> headers = map(call(httpResponse, "getHeaders"));
        ResponseHeaders.describeSuccess(call, integer(call(httpResponse, "getStatusCode")), HeaderSource.of(headers),
                endMillis);
        IssuedCredentials.learnFrom(call(response, "getAwsResponse"), "getCredentials", "getAccessKeyId",
                "getExpiration");
    }

    private static String endpointHost(Object request) {
        Object endpoint = call(request, "getEndpoint");
        return endpoint instanceof URI ? ((URI) endpoint).getHost() : null;
    }
}
