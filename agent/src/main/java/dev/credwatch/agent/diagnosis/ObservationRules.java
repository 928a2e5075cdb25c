package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.Observation;

import java.time.Instant;
import java.util.List;

/** The rules for one kind of observation; {@link Diagnoser} hands each observation to the rules of its kind. */
interface ObservationRules<T extends Observation> {
    Class<T> kind();

    /** Zero or more diagnoses, each with its {@link Evidence}, the main one first; never null. */
    List<Diagnosis> diagnose(T observation, Instant now);
}
