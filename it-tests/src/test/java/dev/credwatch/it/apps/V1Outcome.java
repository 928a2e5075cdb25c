package dev.credwatch.it.apps;

import com.amazonaws.AmazonServiceException;

import java.util.concurrent.Callable;

/**
 * An SDK v1 call's outcome in a form two runs can compare line by line. Its own class, naming SDK v1 core types
 * only, so that apps built for older releases' class paths (V1MatrixApp, without V1App's other clients) use it.
 */
final class V1Outcome {
    private V1Outcome() {
    }

    /** The outcome with run-specific values (request ids) replaced, so two runs compare equal. */
    static String of(Callable<?> action) {
        try {
            action.call();
            return "ok";
        } catch (AmazonServiceException e) {
            return "exception=" + e.getClass().getName() + " code=" + e.getErrorCode() + " status="
                    + e.getStatusCode() + " type=" + e.getErrorType() + " message=" + stable(e.getMessage())
                    + " cause=" + e.getCause();
        } catch (Exception e) {
            return "exception=" + e.getClass().getName() + " message=" + stable(e.getMessage()) + " cause="
                    + e.getCause();
        }
    }

    private static String stable(String message) {
        return message == null ? null
                : message.replaceAll("Request ID: [^;)]*", "Request ID: <id>")
                        .replaceAll("Extended Request ID: [^;)]*", "Extended Request ID: <id>")
                        .replaceAll("@[0-9a-f]{6,8}", "@<hash>");
    }
}
