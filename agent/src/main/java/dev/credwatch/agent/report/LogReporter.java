package dev.credwatch.agent.report;

import dev.credwatch.agent.config.CredwatchConfig;
import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.log.AgentLogger;
import dev.credwatch.agent.observation.Observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes one WARN line per diagnosis (see {@link LogLine} for the text and JSON shapes). The same diagnosis
 * for the same key id and service is written at most once per {@code log.repeat}; the next line carries
 * {@code suppressed=N}.
 */
public final class LogReporter implements Reporter {
    private static final int MAX_TRACKED_KEYS = 1024;

    private final AgentLogger logger;
    private final AccessKeyMask mask;
    private final RepeatLimiter limiter;
    private final Clock clock;

    /** Writes through {@link AgentLog}'s logger as configured at the time of the call. */
    public LogReporter(CredwatchConfig config, Clock clock) {
        this(AgentLog.logger(), config.mask(), config.logRepeat(), clock);
    }

    /** @param clock the rate limit's time, injectable for tests */
    public LogReporter(AgentLogger logger, AccessKeyMask mask, Duration repeat, Clock clock) {
        this.logger = logger;
        this.mask = mask;
        this.limiter = new RepeatLimiter(repeat, MAX_TRACKED_KEYS);
        this.clock = clock;
    }

    @Override
    public void report(Observation observed, List<Diagnosis> diagnoses, Instant now) {
        for (Diagnosis diagnosis : diagnoses) {
            long suppressed = limiter.admit(repeatKey(observed, diagnosis), clock.instant());
            if (suppressed != RepeatLimiter.SUPPRESS) {
                logger.log(DiagnosisLine.of(observed, diagnosis, now, mask, suppressed));
            }
        }
    }

    /**
     * Diagnosis, key id and service: the same problem of the same credentials against the same service; and
     * the provider's reason, since a provider failing for another reason is another problem.
     */
    private static String repeatKey(Observation observed, Diagnosis diagnosis) {
        String keyId = observed.credentials() == null ? null : observed.credentials().accessKeyId();
        return diagnosis.category().wireName() + '|' + keyId + '|' + observed.service() + '|'
                + diagnosis.evidence().reason();
    }
}
