package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.ResponseHeaders;
import dev.credwatch.agent.instrument.core.ServiceError;

import java.util.Map;
import java.util.concurrent.CompletionException;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkValues.integer;
import static dev.credwatch.agent.instrument.core.SdkValues.map;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * Reads a v2 exception. Service errors are {@code AwsServiceException}s: the code and message come from
 * {@code awsErrorDetails()}, whose {@code sdkHttpResponse()} keeps the error response's headers (the server's
 * {@code Date} among them). Anything else is a client-side failure, explained by its message only. Never reads
 * {@code rawResponse()}: the body is not needed and may be large.
 */
final class V2ServiceError {
    private V2ServiceError() {
    }

    /** Reads the SDK exception inside the {@link CompletionException} an async stage may wrap it in. */
    static ServiceError read(Throwable thrown) {
        Throwable exception = unwrap(thrown);
        Object details = call(exception, "awsErrorDetails");
        String detailMessage = string(call(details, "errorMessage"));
        Map<?, ?> headers = map(call(call(details, "sdkHttpResponse"), "headers"));
        String requestId = string(call(exception, "requestId"));
        String extendedRequestId = string(call(exception, "extendedRequestId"));
        return new ServiceError(exception.getClass().getName(), string(call(details, "errorCode")),
                detailMessage != null ? detailMessage : exception.getMessage(),
                integer(call(exception, "statusCode")),
                requestId != null ? requestId : ResponseHeaders.requestId(headers),
                extendedRequestId != null ? extendedRequestId
                        : ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID),
                headers);
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable exception = thrown;
        while (exception instanceof CompletionException && exception.getCause() != null) {
            exception = exception.getCause();
        }
        return exception;
    }
}
