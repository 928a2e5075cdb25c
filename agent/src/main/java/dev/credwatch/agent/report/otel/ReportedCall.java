package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;

import java.time.Instant;
import java.util.List;

/** One observed call on its way from the application's thread to the export thread. */
final class ReportedCall {
    final CallObservation call;
    final List<Diagnosis> diagnoses;
    final Instant now;

    ReportedCall(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        this.call = call;
        this.diagnoses = diagnoses;
        this.now = now;
    }
}
