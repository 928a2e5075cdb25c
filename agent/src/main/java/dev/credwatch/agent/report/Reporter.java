package dev.credwatch.agent.report;

import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;

import java.time.Instant;
import java.util.List;

/**
 * Receives every observed call with its diagnoses (often none). Called on the application's thread:
 * implementations are thread-safe, quick, and do not throw.
 */
public interface Reporter {
    void report(CallObservation call, List<Diagnosis> diagnoses, Instant now);
}
