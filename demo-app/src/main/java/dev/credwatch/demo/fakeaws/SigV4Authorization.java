package dev.credwatch.demo.fakeaws;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...} header. The credential scope names the service, which is how the fake routes
 * a request even when the key behind it is unknown.
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service,
                          List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Parses the header, or returns null when it is not a well-formed SigV4 header. */
    static SigV4Authorization parse(String header) {
        if (header == null || !header.startsWith(ALGORITHM + " ")) {
            return null;
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return null;
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return null;
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3],
                Arrays.asList(signedHeaders.split(";")), signature);
    }

    /** {@code 20260101/us-east-1/sqs/aws4_request} */
    String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /** The service name out of a header that may be too malformed to parse fully. */
    static String serviceHint(String header) {
        if (header == null) {
            return null;
        }
        int i = header.indexOf("Credential=");
        if (i < 0) {
            return null;
        }
        String[] scope = header.substring(i + "Credential=".length()).split("[,\\s]")[0].split("/");
        return scope.length >= 4 ? scope[3] : null;
    }
}
