package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response under construction: status, headers (in insertion order) and body. */
final class HttpResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    HttpResponse(int status) {
        this.status = status;
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
}
