package dev.credwatch.agent.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeCatalogTest {

    @ParameterizedTest
    @CsvSource({
            "ExpiredToken, EXPIRED_CREDENTIALS",
            "ExpiredTokenException, EXPIRED_CREDENTIALS",
            "TokenRefreshRequired, EXPIRED_CREDENTIALS",
            "InvalidClientTokenId, INVALID_CREDENTIALS",
            "UnrecognizedClientException, INVALID_CREDENTIALS",
            "UnrecognizedClient, INVALID_CREDENTIALS",
            "InvalidAccessKeyId, INVALID_CREDENTIALS",
            "InvalidSecurity, INVALID_CREDENTIALS",
            "InvalidSecurityException, INVALID_CREDENTIALS",
            "InvalidCredentialsException, INVALID_CREDENTIALS",
            "AuthFailure, INVALID_CREDENTIALS",
            "InvalidToken, INVALID_CREDENTIALS",
            "SignatureDoesNotMatch, SIGNATURE_MISMATCH",
            "InvalidSignatureException, SIGNATURE_MISMATCH",
            "IncompleteSignature, SIGNATURE_MISMATCH",
            "IncompleteSignatureException, SIGNATURE_MISMATCH",
            "RequestTimeTooSkewed, CLOCK_SKEW",
            "RequestExpired, CLOCK_SKEW",
            "RequestInTheFuture, CLOCK_SKEW",
            "AuthorizationHeaderMalformed, REGION_MISMATCH",
            "RegionDisabledException, REGION_MISMATCH",
            "AccessDenied, ACCESS_DENIED",
            "AccessDeniedException, ACCESS_DENIED",
            "AuthorizationError, ACCESS_DENIED",
            "UnauthorizedOperation, ACCESS_DENIED",
            "NotAuthorized, ACCESS_DENIED",
            "403 Forbidden, ACCESS_DENIED",
            "MissingAuthenticationToken, MISSING_CREDENTIALS",
            "MissingAuthenticationTokenException, MISSING_CREDENTIALS"
    })
    void mapsEveryCodeOfTheContract(String code, DiagnosisCategory category) {
        assertThat(ErrorCodeCatalog.categoryOf(code)).isEqualTo(category);
    }

    @Test
    void ignoresCodesThatAreNotAboutCredentials() {
        assertThat(ErrorCodeCatalog.categoryOf("ThrottlingException")).isNull();
        assertThat(ErrorCodeCatalog.categoryOf("NoSuchBucket")).isNull();
        assertThat(ErrorCodeCatalog.categoryOf("Exception")).isNull();
        assertThat(ErrorCodeCatalog.categoryOf(null)).isNull();
    }

    @Test
    void knowsWhichCodesTheClockCanCause() {
        assertThat(ErrorCodeCatalog.isSkewCode("RequestTimeTooSkewed")).isTrue();
        assertThat(ErrorCodeCatalog.isSkewCode("SignatureDoesNotMatch")).isFalse();
        assertThat(ErrorCodeCatalog.isSkewSensitive("SignatureDoesNotMatch")).isTrue();
        assertThat(ErrorCodeCatalog.isSkewSensitive("InvalidClientTokenId")).isTrue();
        assertThat(ErrorCodeCatalog.isSkewSensitive("AccessDenied")).isFalse();
    }
}
