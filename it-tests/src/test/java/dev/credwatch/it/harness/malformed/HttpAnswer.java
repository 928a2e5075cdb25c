package dev.credwatch.it.harness.malformed;

import dev.credwatch.it.harness.malformed.MalformedCase.Exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 response under construction, kept as an ordered list of header lines so that a fault can drop,
 * duplicate or garble any of them; {@link #toExchange()} renders the bytes. Every answer ends its connection
 * ({@code Connection: close}): a pooled connection the fake then closed would fail the next case by chance.
 */
public final class HttpAnswer {
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 403, "Forbidden",
            404, "Not Found", 500, "Internal Server Error", 502, "Bad Gateway", 503, "Service Unavailable",
            504, "Gateway Timeout");

    private final int status;
    private final List<String[]> headers = new ArrayList<>();
    private final byte[] body;
    private boolean declareLength = true;
    private boolean closeMidBody;

    private HttpAnswer(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    public static HttpAnswer of(int status, byte[] body) {
        return new HttpAnswer(status, body).add("Connection", "close");
    }

    public HttpAnswer add(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public HttpAnswer remove(String name) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        return this;
    }

    public HttpAnswer replace(String name, String value) {
        return remove(name).add(name, value);
    }

    /** No Content-Length: the body is delimited by the end of the connection, as HTTP/1.0 servers did. */
    public HttpAnswer withoutContentLength() {
        declareLength = false;
        return this;
    }

    /** Content-Length announces the whole body (at least 64 bytes), but the fake closes after half of it. */
    public HttpAnswer closedMidBody() {
        closeMidBody = true;
        return this;
    }

    public Exchange toExchange() {
        byte[] announced = body.length >= 64 ? body : padded(body);
        byte[] sent = closeMidBody ? Arrays.copyOf(announced, announced.length / 2) : body;
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Unknown")).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (declareLength) {
            head.append("Content-Length: ").append(closeMidBody ? announced.length : body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(sent);
        return new Exchange(bytes.toByteArray(), false);
    }

    /** An empty or tiny body still has a middle to be cut at. */
    private static byte[] padded(byte[] body) {
        byte[] padded = Arrays.copyOf(body, 64);
        Arrays.fill(padded, body.length, 64, (byte) ' ');
        return padded;
    }
}
