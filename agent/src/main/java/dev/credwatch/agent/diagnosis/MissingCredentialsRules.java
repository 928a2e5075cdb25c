package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;

import java.util.Locale;

/** Calls that had no credentials to sign with, or that reached AWS unsigned. */
final class MissingCredentialsRules {
    // SDK v1: "Unable to load AWS credentials from any provider in the chain" (and single providers'
    // "Unable to load AWS credentials from ..."); SDK v2: "Unable to load credentials from any of the providers".
    private static final String[] NO_CREDENTIALS = {"Unable to load AWS credentials", "Unable to load credentials"};

    private MissingCredentialsRules() {
    }

    /** A client-side failure of the credential providers, before any request was sent. */
    static boolean isNoCredentialsMessage(String message) {
        for (String phrase : NO_CREDENTIALS) {
            if (Hints.contains(message, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** A client-side message saying the provider's credentials had expired. */
    static boolean isExpiredMessage(String message) {
        String text = Hints.scannable(message).toLowerCase(Locale.ROOT);
        return text.contains("expired")
                && (text.contains("credential") || text.contains("token") || text.contains("session"));
    }

    static Diagnosis missing(CallObservation call) {
        String code = call.errorCode();
        if (code == null) {
            return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS,
                    ProviderChainSummary.summarize(call.errorMessage()), null);
        }
        String operation = Hints.operation(call);
        if (call.credentials() == null || call.credentials().source() == CredentialSource.ANONYMOUS) {
            return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, operation + " was sent unsigned "
                    + "(anonymous credentials) but needs signed requests: configure credentials", code);
        }
        return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, operation + " reached AWS without a "
                + "signature: a proxy or custom signer dropped it, or the endpoint does not serve this operation",
                code);
    }
}
