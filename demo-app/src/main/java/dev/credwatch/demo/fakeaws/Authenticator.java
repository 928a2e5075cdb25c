package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks a request's SigV4 Authorization header against the key table, in the order that gives
 * each fault its own real error: a malformed header, a skewed clock (checked before the key, as
 * it needs no secret), keys the service was told to reject, an unknown key, a missing or wrong
 * session token, an expired session, and only then the signature itself.
 */
final class Authenticator {
    private final FakeState state;
    private final SigV4Verifier verifier = new SigV4Verifier();

    Authenticator(FakeState state) {
        this.state = state;
    }

    /** Returns the key that signed the request, or throws the service's error. */
    AccessKey authenticate(HttpRequest request, AwsService service) {
        Wire wire = service.wire();
        String header = request.header("authorization");
        if (header == null) {
            throw AuthErrors.missingAuthentication(wire);
        }
        SigV4Authorization auth = SigV4Authorization.parse(header);
        if (auth == null) {
            throw AuthErrors.malformed(wire, "Authorization header requires 'Credential', 'SignedHeaders' "
                    + "and 'Signature' parameters of the AWS4-HMAC-SHA256 algorithm.");
        }
        Instant requestTime = requestTime(request, wire);
        Instant now = state.clock.now();
        if (Duration.between(requestTime, now).abs().compareTo(AuthErrors.ALLOWED_SKEW) > 0) {
            throw AuthErrors.skewed(wire, requestTime, now);
        }
        AwsException rejected = state.rules.rejection(service.name(), auth.accessKeyId(), wire);
        if (rejected != null) {
            throw rejected;
        }
        AccessKey key = state.keys.find(auth.accessKeyId());
        if (key == null) {
            throw AuthErrors.unknownKey(wire, auth.accessKeyId());
        }
        String token = request.header("x-amz-security-token");
        if (key.isSession() && token == null) {
            throw AuthErrors.missingToken(wire, key.id());
        }
        if (token != null && !token.equals(key.sessionToken())) {
            throw AuthErrors.invalidToken(wire, key.id());
        }
        if (key.expiredAt(now)) {
            throw AuthErrors.expiredToken(wire);
        }
        SigV4Verifier.Result result = verifier.verify(request, auth, key.secret());
        if (!result.matches()) {
            throw AuthErrors.signatureMismatch(wire, key.id(), result, auth.signature());
        }
        checkDeclaredPayloadHash(request, wire);
        return key;
    }

    private static Instant requestTime(HttpRequest request, Wire wire) {
        String amzDate = SigV4Verifier.amzDate(request);
        if (amzDate == null) {
            throw AuthErrors.malformed(wire, "Request is missing the X-Amz-Date header.");
        }
        try {
            return FakeClock.AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw AuthErrors.malformed(wire, "X-Amz-Date is not in the ISO-8601 basic format: " + amzDate);
        }
    }

    /** S3 rejects a body whose SHA-256 differs from the hash the client signed. */
    private static void checkDeclaredPayloadHash(HttpRequest request, Wire wire) {
        String declared = request.header("x-amz-content-sha256");
        if (wire == Wire.S3 && declared != null && declared.matches("[0-9a-f]{64}")
                && !declared.equals(SigV4Verifier.bodyHash(request))) {
            throw new AwsException("XAmzContentSHA256Mismatch", 400,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.")
                    .detail("ClientComputedContentSHA256", declared)
                    .detail("S3ComputedContentSHA256", SigV4Verifier.bodyHash(request));
        }
    }
}
