package dev.credwatch.demo.fakeaws;

import com.amazonaws.DefaultRequest;
import com.amazonaws.auth.AWS4Signer;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.http.HttpMethodName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-made HTTP/1.1 exchanges with the fake over one socket, for what no SDK client does today:
 * query-protocol SQS, chunked request bodies, keep-alive, malformed requests. Requests are signed
 * with SDK v1's own {@link AWS4Signer}.
 */
final class RawHttp implements AutoCloseable {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(FakeAws fake) throws IOException {
        socket = new Socket("127.0.0.1", fake.port());
        socket.setSoTimeout(10_000); // a test must fail, not hang, when the fake does not answer
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Shortens the read timeout, for a test that expects no answer at all. */
    RawHttp readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Signs a POST of {@code body} to {@code path} for {@code service} with SDK v1's signer; returns the headers. */
    static Map<String, String> sign(FakeAws fake, String service, String path, String contentType, byte[] body,
                                    String keyId, String secret) {
        DefaultRequest<Void> request = new DefaultRequest<>(service);
        request.setHttpMethod(HttpMethodName.POST);
        request.setEndpoint(URI.create(fake.endpoint()));
        request.setResourcePath(path);
        request.addHeader("Content-Type", contentType);
        request.setContent(new ByteArrayInputStream(body));
        AWS4Signer signer = new AWS4Signer();
        signer.setServiceName(service);
        signer.setRegionName("us-east-1");
        signer.sign(request, new BasicAWSCredentials(keyId, secret));
        return new LinkedHashMap<>(request.getHeaders());
    }

    /** Sends one request; {@code chunkSize > 0} sends the body with Transfer-Encoding: chunked. */
    Response send(String method, String target, Map<String, String> headers, byte[] body, int chunkSize)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append(chunkSize > 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunkSize > 0) {
            for (int i = 0; i < body.length; i += chunkSize) {
                int n = Math.min(chunkSize, body.length - i);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, i, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(body);
        }
        out.flush();
        return read(!"HEAD".equals(method));
    }

    /** Writes raw bytes (a malformed request) and reads the answer. */
    Response sendRaw(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read(true);
    }

    private Response read(boolean hasBody) throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        int length = hasBody ? Integer.parseInt(headers.getOrDefault("content-length", "0")) : 0;
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
