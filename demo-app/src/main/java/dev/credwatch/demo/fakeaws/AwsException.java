package dev.credwatch.demo.fakeaws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error on its way to the client: the code the SDK will report, the HTTP status, the
 * message, and the few protocol extras some services add.
 */
final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String code;
    final int status;
    /** JSON only: the namespace before '#' in {@code __type}; null writes the bare code. */
    final String jsonNamespace;
    /** SQS JSON only: the {@code x-amzn-query-error} value ({@code Code;Sender}) that query-compatible SDKs read. */
    final String queryError;
    /** S3 only: extra child elements of {@code <Error>} (AWSAccessKeyId, StringToSign, ...). */
    final Map<String, String> details = new LinkedHashMap<>();

    AwsException(String code, int status, String message) {
        this(code, status, message, null, null);
    }

    AwsException(String code, int status, String message, String jsonNamespace, String queryError) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.jsonNamespace = jsonNamespace;
        this.queryError = queryError;
    }

    AwsException detail(String name, String value) {
        details.put(name, value);
        return this;
    }
}
