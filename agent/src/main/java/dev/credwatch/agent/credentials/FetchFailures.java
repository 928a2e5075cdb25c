package dev.credwatch.agent.credentials;

import java.util.Locale;

/**
 * Why a credential provider's fetch failed, as a reason code (DESIGN.md "Log line"), from what the SDK threw:
 * the AWS error code of an STS or SSO answer, an HTTP status, and the exception chain's types and wording.
 * Exception messages are only matched against known phrases, never kept: a process's output or a token
 * may be in them.
 */
public final class FetchFailures {
    private static final int MAX_CAUSES = 8;

    private FetchFailures() {
    }

    /** A provider that is switched off, or not configured at all here: its "failure" is no failure. */
    public static boolean notConfigured(String reason) {
        return "not_set".equals(reason) || "disabled".equals(reason);
    }

    /** The reason code for a failed fetch of {@code source}; the error code and HTTP status may be unknown. */
    public static String reason(CredentialSource source, String awsErrorCode, int httpStatus, Throwable failure) {
        String words = wording(failure);
        if (words.contains("have been disabled") || words.contains("aws_ec2_metadata_disabled")) {
            return "disabled";
        }
        if (words.contains("neither aws_container_credentials") || words.contains("must be set")
                || words.contains("must be specified")) {
            return "not_set";
        }
        String byAnswer = byAnswer(source, awsErrorCode, httpStatus, words);
        if (byAnswer != null) {
            return byAnswer;
        }
        if (has(failure, "NoSuchFileException") || has(failure, "AccessDeniedException")
                || words.contains("failed to read")) {
            // The only files these providers read are their tokens.
            if (source == CredentialSource.CONTAINER) {
                return "auth_token_unreadable";
            }
            if (source == CredentialSource.WEB_IDENTITY) {
                return "token_file_unreadable";
            }
        }
        if (has(failure, "SocketTimeoutException") || words.contains("timed out")) {
            return "timeout";
        }
        if (has(failure, "ConnectException") || has(failure, "NoRouteToHostException")
                || has(failure, "UnknownHostException") || words.contains("connection refused")
                || words.contains("failed to connect")) {
            return source == CredentialSource.INSTANCE_PROFILE ? "imds_unreachable" : "endpoint_unreachable";
        }
        return byWording(source, words);
    }

    /**
     * A few words for a hint: what the service answered (its error code, the HTTP status), else the type of the
     * deepest exception (the one that says what happened: {@code SocketTimeoutException}); never a message.
     */
    public static String detail(String awsErrorCode, int httpStatus, Throwable failure) {
        StringBuilder detail = new StringBuilder();
        if (awsErrorCode != null) {
            detail.append(awsErrorCode.length() > 60 ? awsErrorCode.substring(0, 60) : awsErrorCode);
        }
        if (httpStatus > 0) {
            detail.append(detail.length() == 0 ? "" : ", ").append("HTTP ").append(httpStatus);
        }
        if (detail.length() > 0) {
            return detail.toString();
        }
        Throwable root = rootCause(failure);
        return root == null ? "no exception" : root.getClass().getSimpleName();
    }

    private static String byAnswer(CredentialSource source, String code, int status, String words) {
        if (status == 429 || "Throttling".equals(code) || "ThrottlingException".equals(code)
                || "TooManyRequestsException".equals(code) || words.contains("rate exceeded")) {
            return "throttled";
        }
        if (code != null && source == CredentialSource.WEB_IDENTITY) {
            return "web_identity_rejected";
        }
        if (code != null && (source == CredentialSource.STS_ASSUME_ROLE || source == CredentialSource.STS_SESSION)) {
            return "sts_rejected";
        }
        boolean refused = status == 401 || status == 403 || "UnauthorizedException".equals(code);
        if (source == CredentialSource.SSO && refused) {
            return "sso_session_expired";
        }
        if (source == CredentialSource.INSTANCE_PROFILE && status == 404) {
            return "imds_no_role";
        }
        if (source == CredentialSource.CONTAINER && status >= 400) {
            return "endpoint_error";
        }
        return null;
    }

    private static String byWording(CredentialSource source, String words) {
        switch (source) {
            case INSTANCE_PROFILE:
                return words.contains("not found") || words.contains("404") ? "imds_no_role" : "other";
            case CONTAINER:
                if (words.contains("authorization_token_file") || words.contains("token file")) {
                    return "auth_token_unreadable";
                }
                return words.contains("status code") || words.contains("not found") ? "endpoint_error" : "other";
            case WEB_IDENTITY:
                return words.contains("token file") || words.contains("nosuchfile") || words.contains("unable to read")
                        ? "token_file_unreadable" : "other";
            case SSO:
                return words.contains("expired") ? "sso_session_expired" : "sso_token_missing";
            case PROCESS:
                return words.contains("exit") || words.contains("non-zero") ? "process_failed"
                        : "process_output_invalid";
            default:
                return "other";
        }
    }

    private static String wording(Throwable failure) {
        StringBuilder words = new StringBuilder();
        Throwable current = failure;
        for (int i = 0; i < MAX_CAUSES && current != null; i++, current = current.getCause()) {
            String message = current.getMessage();
            if (message != null) {
                words.append(message.length() > 2_000 ? message.substring(0, 2_000) : message).append(" | ");
            }
        }
        return words.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean has(Throwable failure, String simpleName) {
        Throwable current = failure;
        for (int i = 0; i < MAX_CAUSES && current != null; i++, current = current.getCause()) {
            if (current.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        for (int i = 0; i < MAX_CAUSES && current != null && current.getCause() != null; i++) {
            current = current.getCause();
        }
        return current;
    }
}
