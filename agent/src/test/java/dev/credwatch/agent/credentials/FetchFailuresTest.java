package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class FetchFailuresTest {

    private static RuntimeException wrapped(String message, Throwable cause) {
        return new RuntimeException(message, cause);
    }

    @Test
    void noConnectionIsUnreachableByWhereItWent() {
        RuntimeException refused = wrapped("Failed to load credentials from IMDS.", new ConnectException("Connection refused"));

        assertThat(FetchFailures.reason(CredentialSource.INSTANCE_PROFILE, null, 0, refused)).isEqualTo("imds_unreachable");
        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 0, refused)).isEqualTo("endpoint_unreachable");
    }

    @Test
    void aTimeoutIsATimeout() {
        RuntimeException timedOut = wrapped("Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));

        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 0, timedOut)).isEqualTo("timeout");
    }

    @Test
    void theAnswerDecidesBeforeTheWording() {
        RuntimeException error = new RuntimeException("Internal Server Error");

        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 500, error)).isEqualTo("endpoint_error");
        assertThat(FetchFailures.reason(CredentialSource.INSTANCE_PROFILE, null, 404, error)).isEqualTo("imds_no_role");
        assertThat(FetchFailures.reason(CredentialSource.INSTANCE_PROFILE, null, 429, error)).isEqualTo("throttled");
        assertThat(FetchFailures.reason(CredentialSource.STS_ASSUME_ROLE, "Throttling", 400, error))
                .isEqualTo("throttled");
        assertThat(FetchFailures.reason(CredentialSource.WEB_IDENTITY, "InvalidIdentityToken", 400, error))
                .isEqualTo("web_identity_rejected");
        assertThat(FetchFailures.reason(CredentialSource.STS_ASSUME_ROLE, "AccessDenied", 403, error))
                .isEqualTo("sts_rejected");
        assertThat(FetchFailures.reason(CredentialSource.SSO, "UnauthorizedException", 401, error))
                .isEqualTo("sso_session_expired");
    }

    @Test
    void theWordingNamesWhatTheAnswerDoesNot() {
        assertThat(FetchFailures.reason(CredentialSource.INSTANCE_PROFILE, null, 0, new RuntimeException(
                "The requested metadata is not found at http://169.254.169.254/latest/meta-data/iam/"))).isEqualTo(
                "imds_no_role");
        assertThat(FetchFailures.reason(CredentialSource.WEB_IDENTITY, null, 0,
                wrapped("Unable to read token file", new NoSuchFileException("/var/run/token")))).isEqualTo(
                "token_file_unreadable");
        assertThat(FetchFailures.reason(CredentialSource.PROCESS, null, 0,
                new IllegalStateException("Command returned non-zero exit value: 1"))).isEqualTo("process_failed");
        assertThat(FetchFailures.reason(CredentialSource.PROCESS, null, 0,
                new IllegalStateException("Failed to parse credentials"))).isEqualTo("process_output_invalid");
        assertThat(FetchFailures.reason(CredentialSource.SSO, null, 0,
                new IllegalStateException("The SSO session associated with this profile has expired")))
                .isEqualTo("sso_session_expired");
        assertThat(FetchFailures.reason(CredentialSource.UNKNOWN, null, 0, new IOException("?"))).isEqualTo("other");
    }

    @Test
    void anUnreadableTokenFileIsNamedByWhoseTokenItIs() {
        RuntimeException v2Container = wrapped("Failed to read /var/run/secrets/pods.eks.amazonaws.com/token.",
                new NoSuchFileException("/var/run/secrets/pods.eks.amazonaws.com/token"));
        RuntimeException v1Container = new IllegalStateException(
                "Cannot fetch credentials from container - failed to read /var/run/secrets/token");
        RuntimeException v2WebIdentity = new java.io.UncheckedIOException(new NoSuchFileException("/var/run/token"));

        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 0, v2Container))
                .isEqualTo("auth_token_unreadable");
        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 0, v1Container))
                .isEqualTo("auth_token_unreadable");
        assertThat(FetchFailures.reason(CredentialSource.WEB_IDENTITY, null, 0, v2WebIdentity))
                .isEqualTo("token_file_unreadable");
    }

    @Test
    void aProviderNobodyConfiguredHasNotFailed() {
        String container = FetchFailures.reason(CredentialSource.CONTAINER, null, 0, new IllegalStateException(
                "Cannot fetch credentials from container - neither AWS_CONTAINER_CREDENTIALS_FULL_URI or "
                        + "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI environment variables are set."));
        String imds = FetchFailures.reason(CredentialSource.INSTANCE_PROFILE, null, 0, new IllegalStateException(
                "IMDS credentials have been disabled by environment variable or system property."));

        assertThat(container).isEqualTo("not_set");
        assertThat(imds).isEqualTo("disabled");
        assertThat(FetchFailures.notConfigured(container)).isTrue();
        assertThat(FetchFailures.notConfigured(imds)).isTrue();
        assertThat(FetchFailures.notConfigured("imds_unreachable")).isFalse();
        assertThat(FetchFailures.notConfigured(null)).isFalse();
    }

    @Test
    void theDetailNamesTypesAndTheAnswerButNeverTheMessage() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        RuntimeException failure = wrapped("process printed " + secret, new IllegalStateException(secret));

        String detail = FetchFailures.detail("Throttling", 400, failure);

        assertThat(detail).isEqualTo("Throttling, HTTP 400").doesNotContain(secret);
        assertThat(FetchFailures.detail(null, 500, failure)).isEqualTo("HTTP 500");
        assertThat(FetchFailures.detail(null, 0, failure)).isEqualTo("IllegalStateException");
        assertThat(FetchFailures.detail(null, 0, null)).isEqualTo("no exception");
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);

        assertThat(FetchFailures.reason(CredentialSource.CONTAINER, null, 0, first)).isEqualTo("other");
        assertThat(FetchFailures.detail(null, 0, first)).isEqualTo("RuntimeException");
    }
}
