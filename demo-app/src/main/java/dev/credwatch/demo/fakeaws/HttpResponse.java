package dev.credwatch.demo.fakeaws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response under construction: status, headers (in insertion order) and body. */
final class HttpResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private boolean unanswered;

    HttpResponse(int status) {
        this.status = status;
    }

    /**
     * No response at all: the server keeps the connection open and silent (see
     * {@link LoopbackHttpServer}), the way a hung or firewalled endpoint looks to a client that
     * waits for its read timeout. Its status, 0, is what the request log records.
     */
    static HttpResponse unanswered() {
        HttpResponse response = new HttpResponse(0);
        response.unanswered = true;
        return response;
    }

    boolean isUnanswered() {
        return unanswered;
    }

    static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status).header("Content-Type", contentType)
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse xml(int status, String body) {
        return of(status, "text/xml", body);
    }

    HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /**
     * Writes status line, headers and body. The {@code Date} header is added here, from the
     * fake's clock, so that no response can go out without one.
     */
    void writeTo(OutputStream out, String date, boolean headRequest, boolean close) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\n");
        if (!hasHeader("Date")) {
            head.append("Date: ").append(date).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!hasHeader("Content-Length")) {
            // for HEAD this is the length of the body a GET would return, as HTTP wants
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append(close ? "Connection: close\r\n" : "Connection: keep-alive\r\n").append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headRequest) {
            out.write(body);
        }
        out.flush();
    }

    /** The reason phrase of a status line, e.g. "Not Found". */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
