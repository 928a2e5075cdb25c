package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a SigV4 signature from the request as received, over exactly the headers the client
 * declared in SignedHeaders. SDK quirks handled here: S3 encodes the path once and hashes the
 * payload into {@code x-amz-content-sha256} (possibly {@code UNSIGNED-PAYLOAD} or a
 * {@code STREAMING-...} marker); every other service encodes the path a second time. The
 * {@code host} value is used as received, port included, which is what SDK v1 signs.
 */
final class SigV4Verifier {
    private static final HexFormat HEX = HexFormat.of();

    /** The verification result; canonical request and string to sign help explain a mismatch. */
    record Result(boolean matches, String canonicalRequest, String stringToSign) {
    }

    Result verify(HttpRequest request, SigV4Authorization auth, String secret) {
        String amzDate = amzDate(request);
        String canonical = canonicalRequest(request, auth);
        String stringToSign = SigV4Authorization.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        String expected = HEX.formatHex(hmac(key, stringToSign));
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII));
        return new Result(matches, canonical, stringToSign);
    }

    /** The request time. Every SDK sends X-Amz-Date, so the older Date-header form is not accepted. */
    static String amzDate(HttpRequest request) {
        return request.header("x-amz-date");
    }

    static String canonicalRequest(HttpRequest request, SigV4Authorization auth) {
        boolean s3 = "s3".equals(auth.service());
        String rawPath = request.rawPath().isEmpty() ? "/" : request.rawPath();
        String once = UriEncoding.encode(UriEncoding.decode(rawPath), true);
        String path = s3 ? once : UriEncoding.encode(once, true);
        StringBuilder headers = new StringBuilder();
        for (String name : auth.signedHeaders()) {
            String value = request.headerValues(name).stream()
                    .map(v -> v.trim().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(","));
            headers.append(name).append(':').append(value).append('\n');
        }
        return request.method() + "\n" + path + "\n" + canonicalQuery(request.rawQuery()) + "\n"
                + headers + "\n" + String.join(";", auth.signedHeaders()) + "\n" + payloadHash(request);
    }

    /** The declared payload hash when the client sent one (S3 always does), else the body's hash. */
    static String payloadHash(HttpRequest request) {
        String declared = request.header("x-amz-content-sha256");
        return declared != null ? declared : HEX.formatHex(sha256(request.body()));
    }

    static String bodyHash(HttpRequest request) {
        return HEX.formatHex(sha256(request.body()));
    }

    private static String canonicalQuery(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1));
            pairs.add(new String[] {UriEncoding.encode(name, false), UriEncoding.encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
