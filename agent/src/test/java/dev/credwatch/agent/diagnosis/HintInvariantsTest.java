package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.NOW;
import static dev.credwatch.agent.diagnosis.Calls.SESSION_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the code and message, a hint is one short line, quotes no message and names no key id. */
class HintInvariantsTest {
    private static final String MARKER = "SECRET-SESSION-TOKEN-IQoJb3JpZ2luX2Vj";

    @ParameterizedTest
    @ValueSource(strings = {"ExpiredToken", "TokenRefreshRequired", "InvalidClientTokenId", "InvalidAccessKeyId",
            "InvalidSecurityException", "InvalidCredentialsException", "AuthFailure", "SignatureDoesNotMatch",
            "InvalidSignatureException", "IncompleteSignature", "RequestTimeTooSkewed", "RequestExpired",
            "AuthorizationHeaderMalformed", "RegionDisabledException", "AccessDenied", "UnauthorizedOperation",
            "MissingAuthenticationToken", "Forbidden"})
    void hintsAreShortSingleLinesBuiltFromEvidenceOnly(String code) {
        String message = "User: " + MARKER + " is not\nauthorized <CanonicalRequest>x-amz-security-token:" + MARKER
                + "</CanonicalRequest> " + "z".repeat(50_000);
        CredentialInfo credentials = Calls.credentials(CredentialSource.PROFILE, CredentialKind.TEMPORARY,
                SESSION_KEY).expiresAt(NOW.minusSeconds(30)).fromDefaultChain(true).build();
        CallObservation call = Calls.failed(code, 403, message).region("ap-east-1").credentials(credentials)
                .service("S3\nX").build();

        List<Diagnosis> found = Calls.diagnoser().diagnose(call, NOW);

        assertThat(found).isNotEmpty().allSatisfy(diagnosis -> assertThat(diagnosis.hint())
                .doesNotContain(MARKER).doesNotContain(SESSION_KEY).doesNotContain("zzzz")
                .doesNotContain("\n").hasSizeLessThanOrEqualTo(Hints.MAX_HINT_CHARS).isNotBlank());
    }
}
