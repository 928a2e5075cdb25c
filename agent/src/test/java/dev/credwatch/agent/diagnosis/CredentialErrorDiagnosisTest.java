package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.LONG_TERM_KEY;
import static dev.credwatch.agent.diagnosis.Calls.SESSION_KEY;
import static dev.credwatch.agent.diagnosis.Calls.credentials;
import static dev.credwatch.agent.diagnosis.Calls.diagnose;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

/** invalid_credentials and signature_mismatch. */
class CredentialErrorDiagnosisTest {
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private static Diagnosis only(List<Diagnosis> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void anUnknownLongTermKeyPointsAtWhereItWasSet() {
        Diagnosis found = only(diagnose(failed("InvalidClientTokenId", 403, INVALID_TOKEN)
                .credentials(Calls.staticLongTerm()).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.INVALID_CREDENTIALS);
        assertThat(found.code()).isEqualTo("InvalidClientTokenId");
        assertThat(found.hint()).isEqualTo("the key id from environment is unknown to AWS (a typo, or a deleted or "
                + "rotated key): check AWS_ACCESS_KEY_ID");
    }

    @Test
    void eachInvalidCodeOfTheContractIsInvalidCredentials() {
        for (String code : new String[] {"UnrecognizedClientException", "InvalidAccessKeyId", "InvalidSecurity",
                "InvalidCredentialsException", "AuthFailure"}) {
            assertThat(only(diagnose(failed(code, 403, "x").build())).category())
                    .isEqualTo(DiagnosisCategory.INVALID_CREDENTIALS);
        }
    }

    @Test
    void snsInvalidSecurityNamesSnsAndItsSigningRules() {
        Diagnosis found = only(diagnose(failed("InvalidSecurity", 403, "The security token included in the request "
                + "is invalid").service("SNS").credentials(Calls.staticLongTerm()).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.INVALID_CREDENTIALS);
        assertThat(found.hint()).startsWith("SNS refused the credentials from environment").contains("SigV4");
    }

    @Test
    void aSessionKeyWithoutItsTokenIsSpotted() {
        Diagnosis found = only(diagnose(failed("InvalidClientTokenId", 403, INVALID_TOKEN)
                .credentials(credentials(CredentialSource.ENVIRONMENT, CredentialKind.LONG_TERM, SESSION_KEY).build())
                .build()));

        assertThat(found.hint()).isEqualTo("the key id from environment is a session key (ASIA...) but no session "
                + "token was sent: set AWS_SESSION_TOKEN with it");
    }

    @Test
    void aRefusedSessionWithItsTokenIsRevokedOrMixed() {
        Diagnosis found = only(diagnose(failed("UnrecognizedClientException", 400, INVALID_TOKEN)
                .credentials(Calls.profileSession(null)).build()));

        assertThat(found.hint()).isEqualTo("the session credentials from profile were refused: the session was "
                + "revoked, or the key id and session token come from different sessions");
    }

    @Test
    void aSessionTokenInAnOptInRegionNamesTheGlobalStsEndpoint() {
        Diagnosis found = only(diagnose(failed("InvalidClientTokenId", 403, INVALID_TOKEN).region("ap-east-1")
                .credentials(Calls.profileSession(null)).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.INVALID_CREDENTIALS);
        assertThat(found.hint()).isEqualTo("a session token from the global STS endpoint is not valid in opt-in "
                + "region ap-east-1: get it from a regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional)");
    }

    @Test
    void aLongTermKeyInAnOptInRegionIsJustUnknown() {
        Diagnosis found = only(diagnose(failed("InvalidClientTokenId", 403, INVALID_TOKEN).region("me-south-1")
                .credentials(Calls.staticLongTerm()).build()));

        assertThat(found.hint()).startsWith("the key id from environment is unknown to AWS");
    }

    @Test
    void withoutCredentialInfoTheHintStaysGeneral() {
        assertThat(only(diagnose(failed("InvalidAccessKeyId", 403, "x").build())).hint())
                .isEqualTo("the key id is unknown to AWS: a typo, or a deleted or rotated key");
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        Diagnosis found = only(diagnose(failed("SignatureDoesNotMatch", 403, "The request signature we calculated "
                + "does not match the signature you provided.").credentials(Calls.staticLongTerm()).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.SIGNATURE_MISMATCH);
        assertThat(found.hint()).isEqualTo("the secret key from environment does not match its key id: check the "
                + "secret for a typo, stray whitespace or a rotated key");
    }

    @Test
    void aSessionSignatureMismatchAsksForOneSession() {
        Diagnosis found = only(diagnose(failed("InvalidSignatureException", 400, "x")
                .credentials(Calls.profileSession(null)).build()));

        assertThat(found.hint()).isEqualTo("the secret key or session token from profile does not belong to its key "
                + "id: take all three from the same session");
    }

    @Test
    void anIncompleteSignatureIsExplained() {
        Diagnosis found = only(diagnose(failed("IncompleteSignature", 400, "x").build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.SIGNATURE_MISMATCH);
        assertThat(found.hint()).startsWith("the signature is incomplete");
    }

    @Test
    void theS3CanonicalRequestNeverReachesTheHint() {
        String token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        String message = "The request signature we calculated does not match the signature you provided. "
                + "Check your key and signing method. <CanonicalRequest>GET\n/\n\nhost:b.s3.amazonaws.com\n"
                + "x-amz-security-token:" + token + "\n</CanonicalRequest> AKIAIOSFODNN7EXAMPLE";

        Diagnosis found = only(diagnose(failed("SignatureDoesNotMatch", 403, message)
                .credentials(credentials(CredentialSource.STATIC, CredentialKind.LONG_TERM, LONG_TERM_KEY).build())
                .build()));

        assertThat(found.hint()).doesNotContain(token).doesNotContain("CanonicalRequest")
                .doesNotContain(LONG_TERM_KEY).doesNotContain("\n");
    }
}
