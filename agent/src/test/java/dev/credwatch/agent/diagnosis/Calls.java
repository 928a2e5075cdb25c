package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Observations and diagnosers for the diagnosis tests. */
final class Calls {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String LONG_TERM_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SESSION_KEY = "ASIAIOSFODNN7EXAWXYZ";

    private Calls() {
    }

    static Diagnoser diagnoser() {
        return diagnoser(Collections.emptyMap());
    }

    static Diagnoser diagnoser(Map<String, String> environment) {
        return new Diagnoser(Duration.ofMinutes(5), Duration.ofSeconds(60), environment::get);
    }

    static List<Diagnosis> diagnose(CallObservation call) {
        return diagnoser().diagnose(call, NOW);
    }

    static CallObservation.Builder succeeded() {
        return CallObservation.builder().sdk("v2").service("SQS").operation("SendMessage").region("eu-west-1")
                .endpointHost("sqs.eu-west-1.amazonaws.com").httpStatus(200).clockSkewSeconds(0L);
    }

    static CallObservation.Builder failed(String code, int status, String message) {
        return succeeded().errorCode(code).httpStatus(status).errorMessage(message)
                .exceptionClass("software.amazon.awssdk.services.sqs.model.SqsException");
    }

    /** A failure inside the SDK, before any request: no code, no status. */
    static CallObservation.Builder failedClientSide(String message) {
        return succeeded().httpStatus(0).clockSkewSeconds(null).errorMessage(message)
                .exceptionClass("software.amazon.awssdk.core.exception.SdkClientException");
    }

    static CredentialInfo.Builder credentials(CredentialSource source, CredentialKind kind, String keyId) {
        return CredentialInfo.builder().provider(source.name()).source(source).kind(kind).accessKeyId(keyId);
    }

    static CredentialInfo staticLongTerm() {
        return credentials(CredentialSource.ENVIRONMENT, CredentialKind.LONG_TERM, LONG_TERM_KEY).build();
    }

    static CredentialInfo profileSession(Instant expiresAt) {
        return credentials(CredentialSource.PROFILE, CredentialKind.TEMPORARY, SESSION_KEY)
                .expiresAt(expiresAt).build();
    }
}
