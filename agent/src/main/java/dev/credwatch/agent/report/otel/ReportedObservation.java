package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.Observation;

import java.time.Instant;
import java.util.List;

/** One observation on its way from the application's thread to the export thread. */
final class ReportedObservation {
    final Observation observation;
    final List<Diagnosis> diagnoses;
    final Instant now;

    ReportedObservation(Observation observation, List<Diagnosis> diagnoses, Instant now) {
        this.observation = observation;
        this.diagnoses = diagnoses;
        this.now = now;
    }
}
