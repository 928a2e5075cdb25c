package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.ResponseHeaders;
import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.ServerClock;

import java.util.Map;
import java.util.concurrent.CompletionException;

import static dev.credwatch.agent.instrument.SdkAccessors.call;

/**
 * What a v2 exception says about AWS's answer. Service errors are {@code AwsServiceException}s: the code and
 * message come from {@code awsErrorDetails()}, whose {@code sdkHttpResponse()} keeps the error response's
 * headers (the server's {@code Date} among them). Anything else is a client-side failure, explained by its
 * message only. Never reads {@code rawResponse()}: the body is not needed and may be large.
 */
final class V2ServiceError {
    final Throwable exception;
    final String errorCode;
    final String errorMessage;
    final int httpStatus;
    final String requestId;
    final String extendedRequestId;
    final Map<?, ?> headers;

    private V2ServiceError(Throwable exception) {
        this.exception = exception;
        Object details = call(exception, "awsErrorDetails");
        this.errorCode = string(call(details, "errorCode"));
        String detailMessage = string(call(details, "errorMessage"));
        this.errorMessage = detailMessage != null ? detailMessage : exception.getMessage();
        Object status = call(exception, "statusCode");
        this.httpStatus = status instanceof Integer ? (Integer) status : 0;
        Object response = call(details, "sdkHttpResponse");
        Object headers = call(response, "headers");
        this.headers = headers instanceof Map ? (Map<?, ?>) headers : null;
        String id = string(call(exception, "requestId"));
        this.requestId = id != null ? id : ResponseHeaders.requestId(this.headers);
        String extended = string(call(exception, "extendedRequestId"));
        this.extendedRequestId = extended != null ? extended
                : ResponseHeaders.get(this.headers, ResponseHeaders.EXTENDED_REQUEST_ID);
    }

    /** The SDK exception inside the {@link CompletionException} an async stage may wrap it in. */
    static V2ServiceError of(Throwable thrown) {
        Throwable exception = thrown;
        while (exception instanceof CompletionException && exception.getCause() != null) {
            exception = exception.getCause();
        }
        return new V2ServiceError(exception);
    }

    boolean isServiceError() {
        return errorCode != null;
    }

    String exceptionClass() {
        return exception.getClass().getName();
    }

    Long clockSkewSeconds(long receivedEpochMillis) {
        return ServerClock.skewSeconds(ResponseHeaders.get(headers, "Date"), receivedEpochMillis);
    }

    FailedAttempt asFailedAttempt(long receivedEpochMillis) {
        return new FailedAttempt(errorCode, httpStatus, clockSkewSeconds(receivedEpochMillis));
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }
}
