package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.observation.CallObservation;

/** Keys AWS does not know, and secrets or session tokens that do not belong to their key id. */
final class CredentialRules {
    private CredentialRules() {
    }

    static Diagnosis invalid(CallObservation call) {
        CredentialInfo credentials = call.credentials();
        String code = call.errorCode();
        boolean session = Hints.isTemporary(credentials) || Hints.hasSessionKeyId(credentials);
        if (session && RegionRules.isOptIn(call.region())) {
            return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "a session token from the global STS "
                    + "endpoint is not valid in opt-in region " + call.region()
                    + ": get it from a regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional)", code);
        }
        if (Hints.hasSessionKeyId(credentials) && !Hints.isTemporary(credentials)) {
            return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "the key id from "
                    + Hints.source(credentials) + " is a session key (ASIA...) but no session token was sent: "
                    + "set " + sessionTokenSetting(credentials) + " with it", code);
        }
        if (session) {
            return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "the session credentials from "
                    + Hints.source(credentials) + " were refused: the session was revoked, or the key id and "
                    + "session token come from different sessions", code);
        }
        if (code != null && code.startsWith("InvalidSecurity")) {
            // SNS's own code: it covers an unknown key as well as a signature SNS will not accept.
            return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "SNS refused the credentials"
                    + (credentials == null ? "" : " from " + Hints.source(credentials)) + " or their signature: "
                    + "check that the keys are current and complete, and that the client signs with SigV4 over "
                    + "HTTPS", code);
        }
        if (credentials == null) {
            return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS,
                    "the key id is unknown to AWS: a typo, or a deleted or rotated key", code);
        }
        return Hints.diagnosis(DiagnosisCategory.INVALID_CREDENTIALS, "the key id from "
                + Hints.source(credentials) + " is unknown to AWS (a typo, or a deleted or rotated key): check "
                + Hints.whereConfigured(credentials), code);
    }

    static Diagnosis signatureMismatch(CallObservation call) {
        CredentialInfo credentials = call.credentials();
        String code = call.errorCode();
        if ("AuthorizationHeaderMalformed".equals(code)) {
            return Hints.diagnosis(DiagnosisCategory.SIGNATURE_MISMATCH, "the Authorization header is "
                    + "malformed: an empty or mangled key id, or a region the endpoint does not expect", code);
        }
        if (code != null && code.startsWith("IncompleteSignature")) {
            return Hints.diagnosis(DiagnosisCategory.SIGNATURE_MISMATCH, "the signature is incomplete: an empty "
                    + "key id or secret, or a proxy that altered the Authorization header", code);
        }
        if (Hints.isTemporary(credentials)) {
            return Hints.diagnosis(DiagnosisCategory.SIGNATURE_MISMATCH, "the secret key or session token from "
                    + Hints.source(credentials) + " does not belong to its key id: take all three from the "
                    + "same session", code);
        }
        return Hints.diagnosis(DiagnosisCategory.SIGNATURE_MISMATCH, "the secret key from "
                + Hints.source(credentials) + " does not match its key id: check the secret for a typo, "
                + "stray whitespace or a rotated key", code);
    }

    private static String sessionTokenSetting(CredentialInfo credentials) {
        switch (credentials.source()) {
            case ENVIRONMENT:
                return "AWS_SESSION_TOKEN";
            case SYSTEM_PROPERTIES:
                return "aws.sessionToken";
            case PROFILE:
                return "aws_session_token in the profile";
            default:
                return "the session token";
        }
    }
}
