package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.ResponseHeaders;
import dev.credwatch.agent.instrument.core.ServiceError;

import java.util.Map;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkValues.integer;
import static dev.credwatch.agent.instrument.core.SdkValues.map;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * Reads a v1 exception. Service errors are {@code AmazonServiceException}s, with getters for the code, the
 * status and the request ids, and (1.11.x later releases) {@code getHttpHeaders()} for the error response's
 * headers, the server's {@code Date} among them. An {@code AmazonClientException} has no error code.
 */
final class V1ServiceError {
    private V1ServiceError() {
    }

    static ServiceError read(Throwable thrown) {
        String errorCode = string(call(thrown, "getErrorCode"));
        if (errorCode == null) {
            return ServiceError.clientSide(thrown);
        }
        Map<?, ?> headers = map(call(thrown, "getHttpHeaders"));
        String message = string(call(thrown, "getErrorMessage"));
        String requestId = string(call(thrown, "getRequestId"));
        String extendedRequestId = string(call(thrown, "getExtendedRequestId"));
        return new ServiceError(thrown.getClass().getName(), errorCode, message != null ? message : thrown.getMessage(),
                integer(call(thrown, "getStatusCode")),
                requestId != null ? requestId : ResponseHeaders.requestId(headers),
                extendedRequestId != null ? extendedRequestId
                        : ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID),
                headers);
    }
}
