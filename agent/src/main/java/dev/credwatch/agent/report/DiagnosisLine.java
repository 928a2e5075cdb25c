package dev.credwatch.agent.report;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The log line of one diagnosis, with the contract's keys in the contract's order (DESIGN.md "Log line").
 * Only the access key id is written, masked; the model holds no secret to leak.
 */
final class DiagnosisLine {
    private DiagnosisLine() {
    }

    /**
     * The status that goes with the line's code: a diagnosis resting on an attempt a retry hid (a skewed
     * clock) shows that attempt's status, not the final 200.
     */
    private static Long status(CallObservation call, Diagnosis diagnosis) {
        int status = call.httpStatus();
        if (diagnosis.code() != null && !diagnosis.code().equals(call.errorCode())) {
            for (FailedAttempt attempt : call.failedAttempts()) {
                if (diagnosis.code().equals(attempt.errorCode())) {
                    status = attempt.httpStatus();
                }
            }
        }
        return status == 0 ? null : Long.valueOf(status);
    }

    static LogLine of(CallObservation call, Diagnosis diagnosis, Instant now, AccessKeyMask mask, long suppressed) {
        LogLine line = new LogLine(LogLine.Level.WARN, null)
                .field("diagnosis", diagnosis.category().wireName())
                .field("service", call.service())
                .field("operation", call.operation())
                .field("code", diagnosis.code() != null ? diagnosis.code() : call.errorCode())
                .field("status", status(call, diagnosis));
        CredentialInfo credentials = call.credentials();
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
        return line.field("skew_s", call.clockSkewSeconds())
                .field("region", call.region())
                .field("request_id", call.requestId())
                .field("hint", diagnosis.hint())
                .field("suppressed", suppressed > 0 ? Long.valueOf(suppressed) : null);
    }
}
