package dev.credwatch.agent.bootstrap;

import dev.credwatch.agent.diagnosis.Diagnoser;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.observation.ObservationPipeline;
import dev.credwatch.agent.report.Reporter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Observation → diagnoses → every reporter. Runs on the application's thread, so it never throws. */
final class DiagnoseAndReport implements ObservationPipeline.Consumer {
    private final Diagnoser diagnoser;
    /** An array, not the list given: iterating a list made an iterator per call. */
    private final Reporter[] reporters;
    private final Clock clock;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    DiagnoseAndReport(Diagnoser diagnoser, List<Reporter> reporters, Clock clock) {
        this.diagnoser = diagnoser;
        this.reporters = reporters.toArray(new Reporter[0]);
        this.clock = clock;
    }

    @Override
    public void accept(Observation observation) {
        try {
            Instant now = clock.instant();
            List<Diagnosis> diagnoses = diagnoser.diagnose(observation, now);
            for (int i = 0; i < reporters.length; i++) {
                reporters[i].report(observation, diagnoses, now);
            }
        } catch (Throwable t) {
            if (failureReported.compareAndSet(false, true)) {
                AgentLog.error("credwatch could not diagnose or report an observation (" + t
                        + "); further failures of this kind are not logged");
            }
        }
    }
}
