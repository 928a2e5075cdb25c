package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.config.Durations;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Credential fetches that failed or were slow: a refresh that failed while old keys are still handed out (the
 * warning before calls start failing), a role source that failed while the chain went on to another, a fetch
 * an AWS call had to wait for longer than {@code fetch.warn}. Fetches no call waited for (asynchronous
 * refreshes) are observations of their own.
 */
final class FetchRules implements ObservationRules<CredentialFetch> {
    private final Duration fetchWarn;

    FetchRules(Duration fetchWarn) {
        this.fetchWarn = fetchWarn;
    }

    @Override
    public Class<CredentialFetch> kind() {
        return CredentialFetch.class;
    }

    /** A fetch in the background: only its failure is worth a line. */
    @Override
    public List<Diagnosis> diagnose(CredentialFetch fetch, Instant now) {
        if (!fetch.failed()) {
            return Collections.emptyList();
        }
        Diagnosis failed = refreshFailed(fetch, null, now);
        return Collections.singletonList(failed.withEvidence(Evidence.ofFetch(failed)));
    }

    /** A fetch {@code call} waited for, when it failed or was slow; null otherwise. */
    Diagnosis waitedFor(CallObservation call, CredentialFetch fetch, Instant now) {
        if (fetch.failed()) {
            // A call left without keys is missing_credentials, with this fetch's reason.
            return MissingCredentialsRules.fetchFailedForGood(call) ? null : refreshFailed(fetch, call, now);
        }
        if (fetch.durationMillis() <= fetchWarn.toMillis()) {
            return null;
        }
        String why = fetch.slowStep() == null ? "the credential source answers slowly"
                : FetchReasonHints.fix(fetch.slowStep());
        String took = Durations.approximate(Duration.ofMillis(fetch.durationMillis()));
        return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_SLOW, "fetching credentials from "
                + fetch.source().wireName() + " took " + took + " while " + Hints.operation(call) + " waited: " + why,
                null)
                .withReason(fetch.slowStep()).withFetchMillis(fetch.durationMillis());
    }

    private static Diagnosis refreshFailed(CredentialFetch fetch, CallObservation call, Instant now) {
        String what = fetch.source().wireName() + " failed to fetch credentials (" + fetch.detail() + ")";
        String consequence = "";
        CredentialInfo served = fetch.credentials();
        if (fetch.outcome() == CredentialFetch.Outcome.FAILED_SERVING_OLD_KEYS && served.expiresAt() != null) {
            Duration left = Duration.between(now, served.expiresAt());
            consequence = left.isNegative() ? " and the old keys have expired"
                    : " and the old keys still used expire in " + Durations.approximate(left);
        } else if (call != null && call.credentials() != null && call.credentials().source() != fetch.source()) {
            consequence = " and the chain went on to " + call.credentials().source().wireName();
        }
        return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_REFRESH_FAILED,
                what + consequence + ": " + FetchReasonHints.fix(fetch.reason()), null)
                .withReason(fetch.reason()).withFetchMillis(fetch.durationMillis());
    }
}
