package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;

import java.util.Locale;

/** Calls that had no credentials to sign with, or that reached AWS unsigned. */
final class MissingCredentialsRules {
    // SDK v1: "Unable to load AWS credentials from any provider in the chain" (and single providers'
    // "Unable to load AWS credentials from ..."); SDK v2: "Unable to load credentials from any of the providers",
    // and a ProfileCredentialsProvider used alone: "Profile file contained no credentials for profile 'x'".
    private static final String[] NO_CREDENTIALS = {"Unable to load AWS credentials", "Unable to load credentials",
        "contained no credentials for profile"};

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

    /**
     * A chain that found no keys and fell back to anonymous credentials (SDK v1's S3 client does): AWS then
     * refuses the unsigned request, typically as AccessDenied, though nothing was wrong with any policy.
     */
    static boolean isAnonymousFallback(CallObservation call) {
        CredentialInfo credentials = call.credentials();
        return credentials != null && credentials.source() == CredentialSource.ANONYMOUS
                && credentials.provider() != null && credentials.provider().endsWith("Chain");
    }

    /**
     * A provider used on its own (no chain) failed its fetch and the call got no keys: its exception says only
     * "Failed to load credentials from IMDS", the fetch says why.
     */
    static boolean fetchFailedForGood(CallObservation call) {
        return failedFetch(call) != null;
    }

    /** The fetch that left the call without keys, or null. */
    private static CredentialFetch failedFetch(CallObservation call) {
        if (call.credentials() != null && call.credentials().accessKeyId() != null) {
            return null;
        }
        for (CredentialFetch fetch : call.credentialFetches()) {
            if (fetch.outcome() == CredentialFetch.Outcome.FAILED) {
                return fetch;
            }
        }
        return null;
    }

    /** The one provider the call relied on failed its fetch: what it answered, and what to do. */
    private static Diagnosis providerFailed(CallObservation call, CredentialFetch fetch) {
        return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, fetch.source().wireName() + " found no "
                + "credentials (" + fetch.detail() + "): " + FetchReasonHints.fix(fetch.reason()), call.errorCode())
                .withReason(fetch.reason()).withFetchMillis(fetch.durationMillis());
    }

    static Diagnosis anonymousFallback(CallObservation call) {
        return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, "no provider in "
                + Hints.oneLine(call.credentials().provider(), 60) + " found keys, so " + Hints.operation(call)
                + " went out unsigned (anonymous) and was refused: configure credentials (environment, a profile, "
                + "or a role)", call.errorCode());
    }

    static Diagnosis missing(CallObservation call) {
        String code = call.errorCode();
        CredentialFetch failed = failedFetch(call);
        if (failed != null && (code != null || !ProviderChainSummary.isChain(call.errorMessage()))) {
            return providerFailed(call, failed);
        }
        if (code == null) {
            ProviderChainSummary summary = ProviderChainSummary.of(call.errorMessage(), call.credentialFetches());
            return Hints.diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, summary.text, null)
                    .withReason(summary.reasons);
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
