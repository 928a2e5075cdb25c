package dev.credwatch.it.harness.malformed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Renders a {@link BodyKind} for one target, status and case: the bytes the fake sends as the body. */
public final class Bodies {
    /** Quotes, '=', line breaks of every kind and a forged log line: what a log writer must keep on one line. */
    static final String HOSTILE = "Bad \"quoted\" key=value diagnosis=injected\n[credwatch] ERROR forged line\r\n"
            + "tab\there \u2028 separator \u0000 nul \\ backslash";

    private Bodies() {
    }

    public static byte[] render(BodyKind kind, Target target, int status, int id, int turn) {
        boolean error = status >= 300;
        String code = Documents.authCode(target, turn);
        String bodyId = "body-" + id;
        return switch (kind) {
            case WELL_FORMED -> utf8(plain(target, error, code, id));
            case AUTH_ERROR -> utf8(Documents.error(target, code, Documents.message(code), bodyId));
            case TRUNCATED -> {
                byte[] whole = utf8(plain(target, error, code, id));
                yield Arrays.copyOf(whole, whole.length / 2);
            }
            case INVALID_SYNTAX -> utf8(target.json() ? plain(target, error, code, id).replaceFirst(":", "")
                    : plain(target, error, code, id).replaceFirst("</", "</Mismatched"));
            case EMPTY -> new byte[0];
            case HTML_PAGE -> utf8("<html>\r\n<head><title>" + status + " Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>" + status + " Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n");
            case OTHER_PROTOCOL -> utf8(Documents.otherProtocol(target, error, code, id));
            case INVALID_UTF8 -> withInvalidUtf8(utf8(plain(target, error, code, id)));
            case ERROR_WITHOUT_CODE -> utf8(target.json() ? "{\"message\":\"an error without a type\"}"
                    : "<ErrorResponse><Error><Type>Sender</Type><Message>an error without a code</Message></Error>"
                            + "<RequestId>" + bodyId + "</RequestId></ErrorResponse>");
            case ERROR_WRONG_SHAPES -> utf8(target.json()
                    ? "{\"__type\":[\"com.amazon.coral.service#" + code + "\"],\"message\":{\"text\":\"nested\"},"
                            + "\"Message\":12}"
                    : "<ErrorResponse><Error><Type><Sender/></Type><Code><Value>" + code + "</Value></Code><Message>"
                            + "<p>nested</p></Message></Error><RequestId><Id>" + bodyId + "</Id></RequestId>"
                            + "</ErrorResponse>");
            case DUPLICATED_FIELDS -> utf8(duplicated(target, error, code, id));
            case PARSER_EXTENSIONS -> parserExtensions(target, plain(target, error, code, id), code, id);
            case HOSTILE_TEXT -> utf8(Documents.error(target, code, HOSTILE, bodyId + "\" diagnosis=injected"));
            case LARGE_ERROR -> utf8(Documents.error(target, code, "a long message ".repeat(256 * 1024 / 15),
                    bodyId));
        };
    }

    private static String plain(Target target, boolean error, String code, int id) {
        return error ? Documents.error(target, code, Documents.message(code), "body-" + id)
                : Documents.success(target, id);
    }

    /** Every field twice: readers disagree on whether the first or the last one counts. */
    private static String duplicated(Target target, boolean error, String code, int id) {
        if (target.json()) {
            return error ? "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"first\","
                    + "\"__type\":\"com.amazon.coral.service#" + code + "\",\"message\":\"second\"}"
                    : "{\"QueueUrls\":[" + Documents.queueUrl(id, "first") + "],\"QueueUrls\":["
                            + Documents.queueUrl(id, "second") + "]}";
        }
        if (error) {
            String first = Documents.error(target, "AccessDenied", "first", "first-" + id);
            String second = Documents.error(target, code, "second", "second-" + id);
            return first.substring(0, first.indexOf("<RequestId>")) + second.substring(second.indexOf("<Error>"));
        }
        return Documents.xmlSuccess(target, Documents.result(target, id, "first", "2098-01-01T00:00:00Z")
                + Documents.result(target, id, "second", Documents.VALID_EXPIRATION), id);
    }

    /** XML: an internal DTD whose entities hold the code and the id. JSON: a byte order mark and a comment. */
    private static byte[] parserExtensions(Target target, String document, String code, int id) {
        if (target.json()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            bytes.writeBytes(utf8("/* a comment */ " + document));
            return bytes.toByteArray();
        }
        String root = document.substring(1, document.indexOf(' '));
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE " + root + " [<!ENTITY code \"" + code
                + "\"><!ENTITY id \"" + id + "\">]>" + document.replace(">" + code + "<", ">&code;<")
                        .replace("-" + id + "<", "-&id;<"));
    }

    /** A lone continuation byte, an overlong form and a truncated sequence, in the middle of the document. */
    private static byte[] withInvalidUtf8(byte[] document) {
        int middle = document.length / 2;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(document, 0, middle);
        bytes.writeBytes(new byte[] {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xE2, (byte) 0x82});
        bytes.write(document, middle, document.length - middle);
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
