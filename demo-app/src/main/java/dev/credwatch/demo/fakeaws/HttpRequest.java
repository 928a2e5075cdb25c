package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request. The path and query are kept exactly as they came off the wire
 * because SigV4 canonicalization must start from the client's own encoding.
 *
 * @param headers lower-case header names to every value received, in arrival order
 */
record HttpRequest(String method, String rawPath, String rawQuery,
                   Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), Collections.emptyList());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The decoded path, for routing (S3 bucket and key names). */
    String path() {
        return UriEncoding.decode(rawPath.isEmpty() ? "/" : rawPath);
    }

    /** Query-string parameters, decoded. */
    Map<String, String> queryParams() {
        return UriEncoding.parseParams(rawQuery, false);
    }

    /**
     * Query-protocol parameters: the query string plus, for a form POST, the body. The query
     * protocol (STS, SNS, old SQS) sends Action and its arguments either way.
     */
    Map<String, String> formParams() {
        Map<String, String> params = new LinkedHashMap<>(queryParams());
        String type = header("content-type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            params.putAll(UriEncoding.parseParams(bodyText(), true));
        }
        return params;
    }
}
