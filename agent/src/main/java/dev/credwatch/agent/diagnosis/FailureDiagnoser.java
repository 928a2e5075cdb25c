package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;

import java.time.Instant;

/** The one diagnosis that explains why a call failed, or null when the failure is not about credentials. */
final class FailureDiagnoser {
    private final ClockSkewRules clockSkew;
    private final ExpiryRules expiry;

    FailureDiagnoser(ClockSkewRules clockSkew, ExpiryRules expiry) {
        this.clockSkew = clockSkew;
        this.expiry = expiry;
    }

    Diagnosis diagnose(CallObservation call, Instant now) {
        String code = call.errorCode();
        String message = call.errorMessage();
        if (ClockSkewRules.rejectsTime(code, message, call.clockSkewSeconds())) {
            return clockSkew.rejected(call);
        }
        if (code == null) {
            return clientSide(call, now);
        }
        DiagnosisCategory category = ErrorCodeCatalog.categoryOf(code);
        if (category == null) {
            return null;
        }
        if (category != DiagnosisCategory.CLOCK_SKEW && MissingCredentialsRules.isAnonymousFallback(call)) {
            return MissingCredentialsRules.anonymousFallback(call);
        }
        switch (category) {
            case EXPIRED_CREDENTIALS:
                return expiry.expired(call, now);
            case INVALID_CREDENTIALS:
                return orRegionMismatch(call, CredentialRules.invalid(call));
            case SIGNATURE_MISMATCH:
            case REGION_MISMATCH:
                return orRegionMismatch(call, CredentialRules.signatureMismatch(call));
            case ACCESS_DENIED:
                return AccessRules.denied(call);
            case MISSING_CREDENTIALS:
                return MissingCredentialsRules.missing(call);
            default:
                return null;
        }
    }

    /** Failures raised in the SDK, before AWS answered: no provider had credentials, or only expired ones. */
    private Diagnosis clientSide(CallObservation call, Instant now) {
        String message = call.errorMessage();
        if (MissingCredentialsRules.isNoCredentialsMessage(message)
                || MissingCredentialsRules.fetchFailedForGood(call)) {
            return MissingCredentialsRules.missing(call);
        }
        if (MissingCredentialsRules.isExpiredMessage(message)) {
            return expiry.expired(call, now);
        }
        return null;
    }

    /** A signing error whose message shows the wrong region is a region mismatch, whatever its code. */
    private static Diagnosis orRegionMismatch(CallObservation call, Diagnosis otherwise) {
        Diagnosis mismatch = RegionRules.mismatch(call);
        return mismatch != null ? mismatch : otherwise;
    }
}
