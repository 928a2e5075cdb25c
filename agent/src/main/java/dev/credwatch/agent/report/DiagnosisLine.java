package dev.credwatch.agent.report;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.diagnosis.Evidence;
import dev.credwatch.agent.log.LogLine;
import dev.credwatch.agent.observation.Observation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The log line of one diagnosis, with the contract's keys in the contract's order (DESIGN.md "Log line").
 * Where it happened comes from the observation, what it rests on from the diagnosis's {@link Evidence}. Only
 * the access key id is written, masked; the model holds no secret to leak.
 */
final class DiagnosisLine {
    private DiagnosisLine() {
    }

    static LogLine of(Observation observed, Diagnosis diagnosis, Instant now, AccessKeyMask mask, long suppressed) {
        Evidence evidence = diagnosis.evidence();
        LogLine line = new LogLine(LogLine.Level.WARN, null)
                .field("diagnosis", diagnosis.category().wireName())
                .field("service", observed.service())
                .field("operation", observed.operation())
                .field("code", evidence.errorCode())
                .field("status", evidence.httpStatus());
        CredentialInfo credentials = observed.credentials();
        if (credentials != null) {
            Instant expiresAt = credentials.expiresAt();
            line.field("source", credentials.source().wireName())
                    .field("provider", credentials.provider())
                    // Without a key id there were no keys: a kind would be a guess.
                    .field("kind", credentials.accessKeyId() == null ? null : credentials.kind().wireName())
                    .field("key", mask.apply(credentials.accessKeyId()))
                    .field("expires_at", expiresAt == null ? null
                            : DateTimeFormatter.ISO_INSTANT.format(expiresAt.truncatedTo(ChronoUnit.SECONDS)))
                    .field("ttl_s", expiresAt == null ? null : Long.valueOf(Duration.between(now, expiresAt).getSeconds()));
        }
        return line.field("skew_s", evidence.clockSkewSeconds())
                .field("reason", evidence.reason())
                .field("fetch_ms", evidence.fetchMillis())
                .field("region", observed.region())
                .field("request_id", observed.requestId())
                .field("hint", diagnosis.hint())
                .field("suppressed", suppressed > 0 ? Long.valueOf(suppressed) : null);
    }
}
