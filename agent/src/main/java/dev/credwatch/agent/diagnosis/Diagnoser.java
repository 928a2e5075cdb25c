package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.observation.CallObservation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one observed call into its diagnoses: why it failed, then a clock off from AWS's, credentials about
 * to expire, and keys shadowing a role. Thread-safe; allocates nothing for a healthy call.
 */
public final class Diagnoser {
    private final FailureDiagnoser failures;
    private final ClockSkewRules clockSkew;
    private final ExpiryRules expiry;
    private final ShadowingDetector shadowing;

    /**
     * @param expiryWarn  warn when credentials nothing refreshes have less than this left ({@code expiry.warn})
     * @param skewWarn    warn when a healthy call shows the local clock further off than this ({@code skew.warn})
     * @param environment reads environment variables ({@code System::getenv}), to spot configured roles
     */
    public Diagnoser(Duration expiryWarn, Duration skewWarn, Function<String, String> environment) {
        this.clockSkew = new ClockSkewRules(skewWarn);
        this.expiry = new ExpiryRules(expiryWarn);
        this.failures = new FailureDiagnoser(clockSkew, expiry);
        this.shadowing = new ShadowingDetector(environment);
    }

    /** Zero or more diagnoses, the one explaining a failure first; never null. */
    public List<Diagnosis> diagnose(CallObservation call, Instant now) {
        Diagnosis failure = call.failed() ? failures.diagnose(call, now) : null;
        List<Diagnosis> found = add(Collections.<Diagnosis>emptyList(), failure);
        if (failure == null || failure.category() != DiagnosisCategory.CLOCK_SKEW) {
            found = add(found, clockSkew.hiddenOrDrifting(call));
        }
        CredentialInfo credentials = call.credentials();
        if (!call.failed()) {
            found = add(found, expiry.expiring(credentials, now));
        }
        return add(found, shadowing.check(credentials));
    }

    private static List<Diagnosis> add(List<Diagnosis> found, Diagnosis diagnosis) {
        if (diagnosis == null) {
            return found;
        }
        List<Diagnosis> more = found.isEmpty() ? new ArrayList<Diagnosis>(2) : found;
        more.add(diagnosis);
        return more;
    }
}
