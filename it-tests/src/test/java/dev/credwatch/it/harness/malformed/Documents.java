package dev.credwatch.it.harness.malformed;

import java.util.List;

/**
 * Well-formed answers as SQS (AWS JSON 1.0) and STS (query protocol, XML) write them: the material the malformed
 * bodies are made from. Every value carries the case id, so an outcome shows which document the SDK read. The
 * issued secrets share {@link #SECRET_MARKERS}, which the leak scan looks for.
 */
public final class Documents {
    public static final String ISSUED_SECRET_PREFIX = "malformedIssuedSecret";
    public static final String ISSUED_TOKEN_PREFIX = "MalformedIssuedSessionToken";
    public static final List<String> SECRET_MARKERS = List.of(ISSUED_SECRET_PREFIX, ISSUED_TOKEN_PREFIX);
    /** The expiration of a well-formed GetSessionToken answer: fixed, so that the outcome is the same every run. */
    public static final String VALID_EXPIRATION = "2099-01-01T00:00:00Z";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final List<String> JSON_AUTH_CODES = List.of("UnrecognizedClientException",
            "ExpiredTokenException", "InvalidSignatureException", "AccessDeniedException",
            "IncompleteSignatureException", "MissingAuthenticationTokenException");
    private static final List<String> XML_AUTH_CODES = List.of("InvalidClientTokenId", "ExpiredToken",
            "SignatureDoesNotMatch", "AccessDenied", "RequestExpired", "IncompleteSignature");

    private Documents() {
    }

    /** The auth error code of the {@code turn}-th case: the codes credwatch diagnoses, in turn. */
    public static String authCode(Target target, int turn) {
        List<String> codes = target.json() ? JSON_AUTH_CODES : XML_AUTH_CODES;
        return codes.get(turn % codes.size());
    }

    public static String success(Target target, int id) {
        return success(target, id, "malformed", VALID_EXPIRATION);
    }

    /** A success document whose values are tagged with {@code tag}; the expiration only for GetSessionToken. */
    public static String success(Target target, int id, String tag, String expiration) {
        return switch (target) {
            case SQS_LIST_QUEUES -> "{\"QueueUrls\":[" + queueUrl(id, tag) + "]}";
            case STS_GET_CALLER_IDENTITY, STS_GET_SESSION_TOKEN -> xmlSuccess(target, result(target, id, tag,
                    expiration), id);
        };
    }

    public static String queueUrl(int id, String tag) {
        return "\"https://sqs.us-east-1.amazonaws.com/000000000000/" + tag + "-" + id + "\"";
    }

    public static String xmlSuccess(Target target, String result, int id) {
        String operation = target == Target.STS_GET_SESSION_TOKEN ? "GetSessionToken" : "GetCallerIdentity";
        return "<" + operation + "Response xmlns=\"" + STS_NS + "\">" + result + "<ResponseMetadata><RequestId>body-"
                + id + "</RequestId></ResponseMetadata></" + operation + "Response>";
    }

    /** The {@code <…Result>} element; {@code expiration} null leaves it out. */
    public static String result(Target target, int id, String tag, String expiration) {
        if (target == Target.STS_GET_CALLER_IDENTITY) {
            return "<GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/" + tag + "-" + id + "</Arn><UserId>"
                    + "AIDA" + tag.toUpperCase() + id + "</UserId><Account>000000000000</Account>"
                    + "</GetCallerIdentityResult>";
        }
        return "<GetSessionTokenResult>" + credentials("ASIA" + tag.toUpperCase() + id, expiration, id)
                + "</GetSessionTokenResult>";
    }

    public static String credentials(String accessKeyId, String expiration, int id) {
        return "<Credentials><AccessKeyId>" + accessKeyId + "</AccessKeyId><SecretAccessKey>" + ISSUED_SECRET_PREFIX
                + id + "/abcdefghijklmnopqrstuvwxyz01</SecretAccessKey><SessionToken>" + ISSUED_TOKEN_PREFIX + id
                + "FwoGZXIvYXdzEMALFORMED</SessionToken>"
                + (expiration == null ? "" : "<Expiration>" + expiration + "</Expiration>") + "</Credentials>";
    }

    public static String error(Target target, String code, String message, String bodyRequestId) {
        if (target.json()) {
            return "{\"__type\":\"com.amazon.coral.service#" + code + "\",\"message\":" + jsonString(message) + "}";
        }
        return "<ErrorResponse xmlns=\"" + STS_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + xmlText(message) + "</Message></Error><RequestId>" + xmlText(bodyRequestId) + "</RequestId>"
                + "</ErrorResponse>";
    }

    /** The other protocol's error or success: what a misrouted request or a misconfigured proxy returns. */
    public static String otherProtocol(Target target, boolean error, String code, int id) {
        if (target.json()) {
            return error ? error(Target.STS_GET_CALLER_IDENTITY, code, message(code), "body-" + id)
                    : xmlSuccess(Target.STS_GET_CALLER_IDENTITY, result(Target.STS_GET_CALLER_IDENTITY, id,
                            "malformed", null), id);
        }
        return error ? error(Target.SQS_LIST_QUEUES, code, message(code), null) : success(Target.SQS_LIST_QUEUES, id);
    }

    public static String message(String code) {
        if (code.startsWith("Expired")) {
            return "The security token included in the request is expired";
        }
        if (code.startsWith("Signature") || code.startsWith("InvalidSignature")) {
            return "Signature expired: 20200101T000000Z is now earlier than 20200101T000500Z"
                    + " (20200101T001000Z - 5 min.)";
        }
        return "The security token included in the request is invalid.";
    }

    public static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** XML 1.0 has no way to write a NUL, not even as a reference: it becomes the word, the rest is escaped. */
    public static String xmlText(String text) {
        return text.replace("\u0000", "NUL").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;")
                .replace("\u2028", "&#x2028;");
    }
}
