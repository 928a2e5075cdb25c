package dev.credwatch.agent.diagnosis;

import java.util.HashMap;
import java.util.Map;

/**
 * AWS error codes and the category each one means. Services spell some codes with and some without an
 * {@code Exception} suffix (SNS {@code InvalidSecurity} reaches SDK v2 as {@code InvalidSecurityException}),
 * so the suffix is ignored on both sides.
 */
public final class ErrorCodeCatalog {
    private static final String SUFFIX = "Exception";
    private static final Map<String, DiagnosisCategory> CATEGORIES = new HashMap<String, DiagnosisCategory>();

    static {
        add(DiagnosisCategory.EXPIRED_CREDENTIALS, "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired");
        add(DiagnosisCategory.INVALID_CREDENTIALS, "InvalidClientTokenId", "UnrecognizedClientException",
                "InvalidAccessKeyId", "InvalidSecurity", "InvalidCredentialsException", "AuthFailure",
                "InvalidToken", "InvalidIdentityToken");
        add(DiagnosisCategory.SIGNATURE_MISMATCH, "SignatureDoesNotMatch", "InvalidSignatureException",
                "IncompleteSignature");
        add(DiagnosisCategory.CLOCK_SKEW, "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture");
        // AuthorizationHeaderMalformed means a region mismatch only when its message names the region;
        // FailureDiagnoser falls back to signature_mismatch otherwise.
        add(DiagnosisCategory.REGION_MISMATCH, "AuthorizationHeaderMalformed", "AuthorizationQueryParametersError",
                "RegionDisabledException");
        // S3 answers a refused HEAD request with a bare 403: SDK v1 reports it as "403 Forbidden".
        add(DiagnosisCategory.ACCESS_DENIED, "AccessDenied", "AccessDeniedException", "AuthorizationError",
                "UnauthorizedOperation", "NotAuthorized", "AllAccessDisabled", "Forbidden", "403 Forbidden");
        add(DiagnosisCategory.MISSING_CREDENTIALS, "MissingAuthenticationToken");
    }

    private ErrorCodeCatalog() {
    }

    /** The category of an AWS error code, or null when the code is not about credentials. */
    public static DiagnosisCategory categoryOf(String code) {
        return code == null ? null : CATEGORIES.get(normalize(code));
    }

    /** Codes by which AWS says the request's time is off, whatever the credentials. */
    public static boolean isSkewCode(String code) {
        return categoryOf(code) == DiagnosisCategory.CLOCK_SKEW;
    }

    /**
     * Codes a clock far off can cause: AWS reports some skewed requests as an unknown key or a bad
     * signature, which is why the SDK v1 also retries these with a corrected clock.
     */
    public static boolean isSkewSensitive(String code) {
        DiagnosisCategory category = categoryOf(code);
        return category == DiagnosisCategory.INVALID_CREDENTIALS || category == DiagnosisCategory.SIGNATURE_MISMATCH;
    }

    private static void add(DiagnosisCategory category, String... codes) {
        for (String code : codes) {
            CATEGORIES.put(normalize(code), category);
        }
    }

    private static String normalize(String code) {
        String trimmed = code.trim();
        return trimmed.endsWith(SUFFIX) && trimmed.length() > SUFFIX.length()
                ? trimmed.substring(0, trimmed.length() - SUFFIX.length())
                : trimmed;
    }
}
