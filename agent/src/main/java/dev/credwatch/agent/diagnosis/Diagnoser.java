package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.ProfileKeys;
import dev.credwatch.agent.observation.Observation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Turns any observation into its diagnoses, through the rules of its kind: a new kind of observation
 * brings its own {@link ObservationRules}, and nothing here changes. Thread-safe.
 */
public final class Diagnoser {
    private static final Duration DEFAULT_FETCH_WARN = Duration.ofSeconds(1);

    private final List<ObservationRules<?>> rules;

    /**
     * @param expiryWarn  warn when credentials nothing refreshes have less than this left ({@code expiry.warn})
     * @param skewWarn    warn when a healthy call shows the local clock further off than this ({@code skew.warn})
     * @param environment reads environment variables ({@code System::getenv}), to spot configured roles
     */
    public Diagnoser(Duration expiryWarn, Duration skewWarn, Function<String, String> environment) {
        this(expiryWarn, skewWarn, DEFAULT_FETCH_WARN, environment, new ProfileKeys(environment, null));
    }

    /**
     * @param fetchWarn   warn when a call waited longer than this for a credential fetch ({@code fetch.warn})
     * @param profileKeys whether the profile next in the default chain has keys of its own
     */
    public Diagnoser(Duration expiryWarn, Duration skewWarn, Duration fetchWarn, Function<String, String> environment,
                     ProfileKeys profileKeys) {
        FetchRules fetches = new FetchRules(fetchWarn);
        this.rules = Arrays.<ObservationRules<?>>asList(new CallRules(new ClockSkewRules(skewWarn),
                new ExpiryRules(expiryWarn), new ShadowingDetector(environment), fetches, profileKeys), fetches);
    }

    /** Zero or more diagnoses, the main one first; never null. */
    public List<Diagnosis> diagnose(Observation observation, Instant now) {
        for (ObservationRules<?> kind : rules) {
            if (kind.kind().isInstance(observation)) {
                return diagnoseAs(kind, observation, now);
            }
        }
        return Collections.emptyList();
    }

    private static <T extends Observation> List<Diagnosis> diagnoseAs(ObservationRules<T> rules,
                                                                      Observation observation, Instant now) {
        return rules.diagnose(rules.kind().cast(observation), now);
    }
}
