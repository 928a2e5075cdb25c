package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

import java.util.Map;

/**
 * What an SDK exception says about AWS's answer, the same for both SDK generations once read
 * ({@code V1ServiceError}, {@code V2ServiceError}). A client-side failure (no credentials, an I/O error)
 * has no error code, status or request id: only its message explains it.
 */
public final class ServiceError {
    private final String exceptionClass;
    private final String errorCode;
    private final String errorMessage;
    private final int httpStatus;
    private final String requestId;
    private final String extendedRequestId;
    /** The error response's headers, the server's {@code Date} among them; null for a client-side failure. */
    private final Map<?, ?> headers;

    public ServiceError(String exceptionClass, String errorCode, String errorMessage, int httpStatus,
                        String requestId, String extendedRequestId, Map<?, ?> headers) {
        this.exceptionClass = exceptionClass;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.extendedRequestId = extendedRequestId;
        this.headers = headers;
    }

    /**
     * The first HTTP status on {@code failure}'s cause chain, read with the SDK's accessor ({@code getStatusCode}
     * in v1, {@code statusCode} in v2): credential endpoints' errors arrive wrapped in a client exception.
     */
    public static int statusOnCauseChain(Throwable failure, String statusAccessor) {
        Throwable current = failure;
        for (int i = 0; i < 8 && current != null; i++, current = current.getCause()) {
            Object status = SdkAccessors.call(current, statusAccessor);
            if (status instanceof Integer && (Integer) status > 0) {
                return (Integer) status;
            }
        }
        return 0;
    }

    /** A failure raised in the SDK before AWS answered. */
    public static ServiceError clientSide(Throwable exception) {
        return new ServiceError(exception.getClass().getName(), null, exception.getMessage(), 0, null, null, null);
    }

    public String exceptionClass() {
        return exceptionClass;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The call's outcome as the application sees it. */
    public CallObservation.Builder describe(CallObservation.Builder call, long receivedEpochMillis) {
        return call.exceptionClass(exceptionClass)
                .errorCode(errorCode)
                .errorMessage(errorMessage)
                .httpStatus(httpStatus)
                .requestId(requestId)
                .extendedRequestId(extendedRequestId)
                .clockSkewSeconds(ResponseHeaders.clockSkewSeconds(headers, receivedEpochMillis));
    }

    /** One attempt of a call that failed this way, for the diagnoses of attempts a retry hid. */
    public FailedAttempt asFailedAttempt(long receivedEpochMillis) {
        return new FailedAttempt(errorCode, httpStatus, ResponseHeaders.clockSkewSeconds(headers, receivedEpochMillis));
    }
}
