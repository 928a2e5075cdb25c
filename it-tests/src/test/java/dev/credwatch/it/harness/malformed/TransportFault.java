package dev.credwatch.it.harness.malformed;

import dev.credwatch.it.harness.malformed.MalformedCase.Exchange;

import java.nio.charset.StandardCharsets;

/**
 * Answers that are not a complete HTTP response at all: nothing, half a status line, a reset, another protocol.
 * The SDK sees an I/O error or an unparsable response; the bytes do not depend on the target.
 */
public enum TransportFault {
    CLOSED_WITHOUT_ANSWER("the connection closed without an answer", "", false),
    CLOSED_AFTER_STATUS_LINE("the connection closed after the status line", "HTTP/1.1 200 OK\r\n", false),
    RESET_AFTER_REQUEST("the connection reset (RST) after the request", "", true),
    RESET_MID_BODY("the connection reset (RST) mid-body", "HTTP/1.1 403 Forbidden\r\nContent-Length: 400\r\n"
            + "Connection: close\r\n\r\n<ErrorResponse><Error><Code>InvalidCl", true),
    GARBAGE_STATUS_LINE("a garbage status line", "HTTP/1.1 abc Nonsense\r\nConnection: close\r\n\r\n", false),
    STATUS_999("status 999 with an auth error body", "HTTP/1.1 999 Whatever\r\nContent-Length: 30\r\n"
            + "Connection: close\r\n\r\n{\"__type\":\"ExpiredTokenEx\"}   ", false),
    NOT_HTTP("an SSH banner instead of HTTP", "SSH-2.0-OpenSSH_9.6\r\n", false),
    HEADER_WITHOUT_COLON("a header line without a colon", "HTTP/1.1 403 Forbidden\r\nx-amzn-RequestId req-broken\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n", false),
    BROKEN_CHUNKED("chunked encoding with a garbage chunk size", "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: "
            + "chunked\r\nConnection: close\r\n\r\nzz\r\n<Error/>\r\n0\r\n\r\n", false);

    private final String description;
    private final String bytes;
    private final boolean reset;

    TransportFault(String description, String bytes, boolean reset) {
        this.description = description;
        this.bytes = bytes;
        this.reset = reset;
    }

    public String description() {
        return description;
    }

    public Exchange exchange() {
        return new Exchange(bytes.getBytes(StandardCharsets.ISO_8859_1), reset);
    }
}
