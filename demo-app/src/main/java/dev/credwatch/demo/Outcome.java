package dev.credwatch.demo;

/**
 * What the application saw: success, or the exception with the AWS error code and HTTP status the
 * SDK reported. It travels from a child JVM to the demo as one line.
 *
 * @param exception the exception's simple class name; null on success
 * @param code      the AWS error code; null for a client-side exception
 * @param status    the HTTP status; 0 for a client-side exception
 */
public record Outcome(String exception, String code, int status, String message) {
    private static final int MESSAGE_WIDTH = 110;
    static final Outcome OK = new Outcome(null, null, 0, null);

    static Outcome of(Throwable thrown) {
        // An asynchronous SDK v2 client's failure reaches join() wrapped; what matters is the SDK's exception.
        if (thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        if (thrown instanceof com.amazonaws.AmazonServiceException e) {
            return new Outcome(e.getClass().getSimpleName(), e.getErrorCode(), e.getStatusCode(), e.getErrorMessage());
        }
        if (thrown instanceof software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return new Outcome(e.getClass().getSimpleName(), e.awsErrorDetails().errorCode(), e.statusCode(),
                    e.awsErrorDetails().errorMessage());
        }
        return new Outcome(thrown.getClass().getSimpleName(), null, 0, thrown.getMessage());
    }

    static Outcome run(SdkCall call, DemoContext context) {
        try {
            call.call(context);
            return OK;
        } catch (Exception e) {
            return of(e);
        }
    }

    public boolean ok() {
        return exception == null;
    }

    /** Does this outcome match {@code expected}: "ok", an error code, or an exception's simple name? */
    boolean matches(String expected) {
        return ok() ? "ok".equals(expected) : expected.equals(code) || expected.equals(exception);
    }

    /** For the summary table: {@code ok}, {@code AmazonSQSException AccessDeniedException 403}. */
    String brief() {
        if (ok()) {
            return "ok";
        }
        return code == null ? exception : exception + " " + code + " " + status;
    }

    /** For the line after the call: the brief form and the start of the message. */
    String describe() {
        if (ok()) {
            return "ok";
        }
        String text = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        if (text.length() > MESSAGE_WIDTH) {
            text = text.substring(0, MESSAGE_WIDTH - 3) + "...";
        }
        String head = code == null ? exception : exception + " " + code + " (HTTP " + status + ")";
        return text.isEmpty() ? head : head + ": " + text;
    }

    /** One line, tab-separated, for the file a child JVM leaves behind. */
    String encode() {
        return String.join("\t", field(exception), field(code), String.valueOf(status), field(message));
    }

    static Outcome decode(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an outcome: " + line);
        }
        return new Outcome(unfield(parts[0]), unfield(parts[1]), Integer.parseInt(parts[2]), unfield(parts[3]));
    }

    private static String field(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static String unfield(String value) {
        return value.isEmpty() ? null : value;
    }
}
