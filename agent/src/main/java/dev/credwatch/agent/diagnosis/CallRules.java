package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ProfileKeys;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns one observed SDK call into its diagnoses: why it failed, then a clock off from AWS's, credentials about
 * to expire, and keys shadowing a role. Thread-safe; allocates nothing for a healthy call.
 */
final class CallRules implements ObservationRules<CallObservation> {
    private final FailureDiagnoser failures;
    private final ClockSkewRules clockSkew;
    private final ExpiryRules expiry;
    private final ShadowingDetector shadowing;
    private final FetchRules fetches;
    private final ProfileKeys profileKeys;

    CallRules(ClockSkewRules clockSkew, ExpiryRules expiry, ShadowingDetector shadowing, FetchRules fetches,
              ProfileKeys profileKeys) {
        this.profileKeys = profileKeys;
        this.clockSkew = clockSkew;
        this.expiry = expiry;
        this.failures = new FailureDiagnoser(clockSkew, expiry);
        this.shadowing = shadowing;
        this.fetches = fetches;
    }

    @Override
    public Class<CallObservation> kind() {
        return CallObservation.class;
    }

    @Override
    public List<Diagnosis> diagnose(CallObservation call, Instant now) {
        if (call.forCredentialFetch()) {
            return Collections.emptyList();
        }
        // A provider's own AWS error (STS refusing a web identity token) reaches the caller as the call's error:
        // the failed fetch explains it, not the error code's usual meaning.
        boolean providersError = call.errorCode() != null && MissingCredentialsRules.fetchFailedForGood(call);
        Diagnosis failure = !call.failed() ? null
                : providersError ? MissingCredentialsRules.missing(call) : failures.diagnose(call, now);
        List<Diagnosis> found = add(Collections.<Diagnosis>emptyList(), call, namingAShadowedProfile(call, failure));
        if (failure == null || failure.category() != DiagnosisCategory.CLOCK_SKEW) {
            found = add(found, call, clockSkew.hiddenOrDrifting(call));
        }
        CredentialInfo credentials = call.credentials();
        if (!call.failed()) {
            found = add(found, call, expiry.expiring(credentials, now));
        }
        for (CredentialFetch fetch : call.credentialFetches()) {
            found = add(found, call, fetches.waitedFor(call, fetch, now));
        }
        return add(found, call, shadowing.check(credentials));
    }

    /**
     * Environment keys that failed while a profile has keys of its own: people set environment keys on purpose,
     * so this is said only on a failure, where the other keys may be the ones that work.
     */
    private Diagnosis namingAShadowedProfile(CallObservation call, Diagnosis failure) {
        CredentialInfo credentials = call.credentials();
        if (failure == null || credentials == null || !credentials.fromDefaultChain()
                || credentials.source() != CredentialSource.ENVIRONMENT) {
            return failure;
        }
        String profile = profileKeys.profileWithKeys();
        if (profile == null) {
            return failure;
        }
        String shadowed = "; the environment's keys won over profile '" + Hints.oneLine(profile, 64)
                + "', which has keys of its own";
        return failure.withHint(Hints.oneLine(failure.hint() + shadowed, Hints.MAX_HINT_CHARS));
    }

    private static List<Diagnosis> add(List<Diagnosis> found, CallObservation call, Diagnosis diagnosis) {
        if (diagnosis == null) {
            return found;
        }
        List<Diagnosis> more = found.isEmpty() ? new ArrayList<Diagnosis>(2) : found;
        more.add(diagnosis.withEvidence(Evidence.of(call, diagnosis)));
        return more;
    }
}
