package dev.credwatch.agent.report;

import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.Observation;

import java.time.Instant;
import java.util.List;

/**
 * Receives every observation with its diagnoses (often none). Called on the application's thread:
 * implementations are thread-safe, quick, and do not throw. A reporter that has nothing to say about a kind
 * of observation ignores it.
 */
public interface Reporter {
    void report(Observation observation, List<Diagnosis> diagnoses, Instant now);
}
