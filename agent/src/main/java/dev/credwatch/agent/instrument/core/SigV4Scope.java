package dev.credwatch.agent.instrument.core;

/**
 * The region a request was signed for, read from its SigV4 {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20261122/eu-west-1/sqs/aws4_request, ...}): the one place every
 * way of choosing a region ends up, an endpoint override with an explicit signing region included. Only the
 * scope's region is read; the key id beside it is never kept.
 */
public final class SigV4Scope {
    private static final String CREDENTIAL = "Credential=";
    private static final int MAX_REGION_CHARS = 32;

    private SigV4Scope() {
    }

    /** The signing region, or null when the header is absent or not SigV4. */
    public static String region(String authorization) {
        if (authorization == null) {
            return null;
        }
        int credential = authorization.indexOf(CREDENTIAL);
        if (credential < 0) {
            return null;
        }
        // Key id, date, region, service, "aws4_request", separated by slashes.
        int date = authorization.indexOf('/', credential);
        int region = date < 0 ? -1 : authorization.indexOf('/', date + 1);
        int service = region < 0 ? -1 : authorization.indexOf('/', region + 1);
        if (service < 0 || service - region - 1 > MAX_REGION_CHARS || service == region + 1) {
            return null;
        }
        return authorization.substring(region + 1, service);
    }
}
