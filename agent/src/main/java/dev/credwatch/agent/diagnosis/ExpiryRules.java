package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.config.Durations;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.observation.CallObservation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Credentials that expired, and credentials about to expire with nothing to refresh them in time. */
final class ExpiryRules {
    /**
     * Every SDK refreshing provider replaces credentials at least a minute before they expire (v1 STS blocks
     * under a minute, v2 STS marks them stale a minute ahead, container and instance metadata refresh far
     * earlier). A refreshing provider still signing with less than that left has a failing refresh; with
     * more left, its refresh may simply not have run yet, so there is nothing to warn about.
     */
    private static final Duration REFRESH_OVERDUE = Duration.ofMinutes(1);
    private static final String RENEW = "renew them, or use a provider that refreshes (a role, SSO)";

    private final Duration expiryWarn;

    ExpiryRules(Duration expiryWarn) {
        this.expiryWarn = expiryWarn;
    }

    /** For a call that succeeded: null unless the credentials run out before anything refreshes them. */
    Diagnosis expiring(CredentialInfo credentials, Instant now) {
        if (credentials == null || credentials.expiresAt() == null) {
            return null;
        }
        Duration ttl = Duration.between(now, credentials.expiresAt());
        if (ttl.compareTo(expiryWarn) >= 0) {
            return null;
        }
        String what = describe(credentials) + ' ' + remaining(ttl);
        if (!credentials.isRefreshed()) {
            return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_EXPIRING,
                    what + " and nothing refreshes them: " + RENEW, null);
        }
        Duration lead = credentials.refreshLead();
        if (ttl.compareTo(lead.compareTo(REFRESH_OVERDUE) < 0 ? lead : REFRESH_OVERDUE) >= 0) {
            return null;
        }
        return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_EXPIRING, what + " although their provider refreshes "
                + Durations.approximate(lead) + " before expiry: the refresh is failing; look for its errors", null);
    }

    /** For a call AWS (or the provider) refused because the credentials had expired. */
    Diagnosis expired(CallObservation call, Instant now) {
        CredentialInfo credentials = call.credentials();
        String code = call.errorCode();
        if (code == null && Hints.scannable(call.errorMessage()).toLowerCase(Locale.ROOT).contains("sso")) {
            return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS,
                    "the SSO session has expired: sign in again (aws sso login)", null);
        }
        if (credentials == null) {
            return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS, code == null
                    ? "the credential provider only had expired credentials: check its source and the local clock"
                    : "AWS says the credentials have expired: " + RENEW, code);
        }
        Instant expiresAt = credentials.expiresAt();
        String what = describe(credentials);
        if (expiresAt != null && expiresAt.isAfter(now)) {
            return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS, what + " expire in "
                    + Durations.approximate(Duration.between(now, expiresAt))
                    + " by the local clock, yet they were refused as expired: is the local clock behind?", code);
        }
        String ago = expiresAt == null ? "" : " " + Durations.approximate(Duration.between(expiresAt, now)) + " ago";
        if (credentials.source().canShadowRole() && Hints.isTemporary(credentials)) {
            return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS,
                    what + " are never refreshed and expired" + ago + ": " + RENEW, code);
        }
        if (credentials.isRefreshed()) {
            return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS, what + " expired" + ago
                    + " without being refreshed: the provider's refresh failed or did not run; look for its errors",
                    code);
        }
        return Hints.diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS, what + " expired" + ago + ": " + RENEW, code);
    }

    /** e.g. "session credentials from profile", "credentials from instance_profile". */
    private static String describe(CredentialInfo credentials) {
        return (Hints.isTemporary(credentials) ? "session credentials from " : "credentials from ")
                + credentials.source().wireName();
    }

    private static String remaining(Duration ttl) {
        return ttl.isNegative() || ttl.isZero()
                ? "expired " + Durations.approximate(ttl) + " ago by the local clock,"
                : "expire in " + Durations.approximate(ttl);
    }
}
