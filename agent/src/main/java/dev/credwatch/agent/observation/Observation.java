package dev.credwatch.agent.observation;

import dev.credwatch.agent.credentials.CredentialInfo;

/**
 * Something the instrumentation saw happen, in plain Java: an SDK call ({@link CallObservation}), and
 * whatever other kinds of event the pipeline carries. Each kind answers what every log line and diagnosis
 * needs to say where it happened; a member that does not apply to a kind is null.
 */
public interface Observation {
    /** "v1" or "v2". */
    String sdk();

    /** The service id used in span names, e.g. {@code SQS}, {@code STS}, {@code S3}; null when none. */
    String service();

    String operation();

    String region();

    /** AWS's id of the request, or null. */
    String requestId();

    /** The credentials involved; null when none could be resolved. */
    CredentialInfo credentials();
}
