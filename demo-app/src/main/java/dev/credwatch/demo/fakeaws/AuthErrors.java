package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.time.Instant;

/**
 * The error each authentication failure becomes on each wire, with the codes, statuses and
 * messages real AWS uses: query services answer 403 with the classic codes, JSON (Coral) services
 * answer 400 with the {@code ...Exception} names, S3 has its own vocabulary.
 */
final class AuthErrors {
    /** The window real STS, SNS, SQS and S3 allow ("... - 15 min." in their messages; S3's 900000 ms). */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private static final String CORAL = "com.amazon.coral.service";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    private AuthErrors() {
    }

    static AwsException unknownKey(Wire wire, String keyId) {
        return switch (wire) {
            case QUERY -> new AwsException("InvalidClientTokenId", 403, INVALID_TOKEN);
            case JSON -> coral("UnrecognizedClientException", INVALID_TOKEN);
            case S3 -> new AwsException("InvalidAccessKeyId", 403,
                    "The AWS Access Key Id you provided does not exist in our records.")
                    .detail("AWSAccessKeyId", keyId);
        };
    }

    /** A session (ASIA) key sent without its token: AWS cannot find the key at all. */
    static AwsException missingToken(Wire wire, String keyId) {
        return unknownKey(wire, keyId);
    }

    /** A token that does not belong to the key, or a token sent with a long-term key. */
    static AwsException invalidToken(Wire wire, String keyId) {
        return wire == Wire.S3
                ? new AwsException("InvalidToken", 400, "The provided token is malformed or otherwise invalid.")
                : unknownKey(wire, keyId);
    }

    static AwsException expiredToken(Wire wire) {
        return switch (wire) {
            case QUERY -> new AwsException("ExpiredToken", 403, EXPIRED_TOKEN);
            case JSON -> coral("ExpiredTokenException", EXPIRED_TOKEN);
            case S3 -> new AwsException("ExpiredToken", 400, "The provided token has expired.");
        };
    }

    static AwsException signatureMismatch(Wire wire, String keyId, SigV4Verifier.Result result, String provided) {
        return switch (wire) {
            case QUERY -> new AwsException("SignatureDoesNotMatch", 403, BAD_SIGNATURE);
            case JSON -> coral("InvalidSignatureException", BAD_SIGNATURE);
            case S3 -> new AwsException("SignatureDoesNotMatch", 403, "The request signature we calculated "
                    + "does not match the signature you provided. Check your key and signing method.")
                    .detail("AWSAccessKeyId", keyId)
                    .detail("StringToSign", result.stringToSign())
                    .detail("SignatureProvided", provided)
                    .detail("CanonicalRequest", result.canonicalRequest());
        };
    }

    /** The request time (X-Amz-Date) is more than {@link #ALLOWED_SKEW} away from the fake's clock. */
    static AwsException skewed(Wire wire, Instant requestTime, Instant now) {
        if (wire == Wire.S3) {
            return new AwsException("RequestTimeTooSkewed", 403,
                    "The difference between the request time and the current time is too large.")
                    .detail("RequestTime", FakeClock.AMZ_DATE.format(requestTime))
                    .detail("ServerTime", FakeClock.iso(now))
                    .detail("MaxAllowedSkewMilliseconds", String.valueOf(ALLOWED_SKEW.toMillis()));
        }
        String minutes = ALLOWED_SKEW.toMinutes() + " min.";
        String message = requestTime.isBefore(now)
                ? "Signature expired: " + amz(requestTime) + " is now earlier than " + amz(now.minus(ALLOWED_SKEW))
                        + " (" + amz(now) + " - " + minutes + ")"
                : "Signature not yet current: " + amz(requestTime) + " is still later than "
                        + amz(now.plus(ALLOWED_SKEW)) + " (" + amz(now) + " + " + minutes + ")";
        return wire == Wire.QUERY
                ? new AwsException("SignatureDoesNotMatch", 403, message)
                : coral("InvalidSignatureException", message);
    }

    static AwsException missingAuthentication(Wire wire) {
        return switch (wire) {
            case QUERY -> new AwsException("MissingAuthenticationToken", 403,
                    "Request is missing Authentication Token");
            case JSON -> coral("MissingAuthenticationTokenException", "Missing Authentication Token");
            case S3 -> new AwsException("AccessDenied", 403, "Access Denied");
        };
    }

    static AwsException malformed(Wire wire, String why) {
        return switch (wire) {
            case QUERY -> new AwsException("IncompleteSignature", 400, why);
            case JSON -> coral("IncompleteSignatureException", why);
            case S3 -> new AwsException("AuthorizationHeaderMalformed", 400, why);
        };
    }

    private static AwsException coral(String code, String message) {
        return new AwsException(code, 400, message, CORAL, null);
    }

    private static String amz(Instant instant) {
        return FakeClock.AMZ_DATE.format(instant);
    }
}
