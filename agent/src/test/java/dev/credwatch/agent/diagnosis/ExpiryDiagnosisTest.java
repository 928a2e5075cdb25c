package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.NOW;
import static dev.credwatch.agent.diagnosis.Calls.SESSION_KEY;
import static dev.credwatch.agent.diagnosis.Calls.credentials;
import static dev.credwatch.agent.diagnosis.Calls.diagnose;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static dev.credwatch.agent.diagnosis.Calls.failedClientSide;
import static dev.credwatch.agent.diagnosis.Calls.profileSession;
import static dev.credwatch.agent.diagnosis.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class ExpiryDiagnosisTest {

    private static CredentialInfo instanceProfile(Duration ttl) {
        return credentials(CredentialSource.INSTANCE_PROFILE, CredentialKind.TEMPORARY, SESSION_KEY)
                .expiresAt(NOW.plus(ttl)).refreshLead(Duration.ofMinutes(15)).build();
    }

    @Test
    void aSuccessWithoutExpiryGivesNothing() {
        assertThat(diagnose(succeeded().credentials(Calls.staticLongTerm()).build())).isEmpty();
        assertThat(diagnose(succeeded().build())).isEmpty();
    }

    @Test
    void staticSessionCredentialsCloseToExpiryAreExpiring() {
        List<Diagnosis> found = diagnose(succeeded().credentials(profileSession(NOW.plusSeconds(252))).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_EXPIRING);
            assertThat(d.hint()).isEqualTo("session credentials from profile expire in 4m12s and nothing refreshes "
                    + "them: renew them, or use a provider that refreshes (a role, SSO)");
        });
    }

    @Test
    void staticSessionCredentialsWithTimeLeftAreFine() {
        assertThat(diagnose(succeeded().credentials(profileSession(NOW.plusSeconds(300))).build())).isEmpty();
    }

    @Test
    void aHealthyRefreshingProviderCloseToExpiryIsFine() {
        assertThat(diagnose(succeeded().credentials(instanceProfile(Duration.ofMinutes(4))).build())).isEmpty();
        assertThat(diagnose(succeeded().credentials(instanceProfile(Duration.ofSeconds(60))).build())).isEmpty();
    }

    @Test
    void aRefreshingProviderUnderAMinuteHasAFailingRefresh() {
        List<Diagnosis> found = diagnose(succeeded().credentials(instanceProfile(Duration.ofSeconds(40))).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_EXPIRING);
            assertThat(d.hint()).isEqualTo("session credentials from instance_profile expire in 40s although their "
                    + "provider refreshes 15m before expiry: the refresh is failing; look for its errors");
        });
    }

    @Test
    void aFailedCallIsNotAlsoExpiring() {
        List<Diagnosis> found = diagnose(failed("ThrottlingException", 400, "Rate exceeded")
                .credentials(profileSession(NOW.plusSeconds(60))).build());

        assertThat(found).isEmpty();
    }

    @Test
    void expiredStaticSessionKeysAreNeverRefreshedAndSayHowLongAgo() {
        List<Diagnosis> found = diagnose(failed("ExpiredToken", 403, "The security token included in the request "
                + "is expired").credentials(profileSession(NOW.minusSeconds(720))).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.EXPIRED_CREDENTIALS);
            assertThat(d.code()).isEqualTo("ExpiredToken");
            assertThat(d.hint()).isEqualTo("session credentials from profile are never refreshed and expired 12m "
                    + "ago: renew them, or use a provider that refreshes (a role, SSO)");
        });
    }

    @Test
    void expiredRefreshingCredentialsPointAtTheRefresh() {
        List<Diagnosis> found = diagnose(failed("ExpiredTokenException", 400, "expired")
                .credentials(instanceProfile(Duration.ofSeconds(-180))).build());

        assertThat(found.get(0).hint()).isEqualTo("session credentials from instance_profile expired 3m ago "
                + "without being refreshed: the provider's refresh failed or did not run; look for its errors");
    }

    @Test
    void expiredWhileTheLocalClockSaysValidPointsAtTheClock() {
        List<Diagnosis> found = diagnose(failed("ExpiredToken", 403, "expired")
                .credentials(profileSession(NOW.plusSeconds(180))).build());

        assertThat(found.get(0).hint()).contains("expire in 3m by the local clock").contains("clock behind");
    }

    @Test
    void expiredWithoutKnownExpiryOrCredentials() {
        assertThat(diagnose(failed("TokenRefreshRequired", 400, "x").credentials(profileSession(null)).build())
                .get(0).hint()).isEqualTo("session credentials from profile are never refreshed and expired: "
                        + "renew them, or use a provider that refreshes (a role, SSO)");
        assertThat(diagnose(failed("ExpiredToken", 403, "x").build()).get(0).hint())
                .isEqualTo("AWS says the credentials have expired: renew them, or use a provider that refreshes "
                        + "(a role, SSO)");
    }

    @Test
    void aProviderHandingOutExpiredCredentialsIsExpired() {
        List<Diagnosis> found = diagnose(failedClientSide("The credentials received have been expired").build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.EXPIRED_CREDENTIALS);
            assertThat(d.code()).isNull();
            assertThat(d.hint()).isEqualTo("the credential provider only had expired credentials: check its source "
                    + "and the local clock");
        });
    }

    @Test
    void anExpiredSsoSessionSaysToSignInAgain() {
        List<Diagnosis> found = diagnose(failedClientSide("The SSO session associated with this profile has "
                + "expired or is otherwise invalid. To refresh this SSO session run aws sso login").build());

        assertThat(found.get(0).hint()).isEqualTo("the SSO session has expired: sign in again (aws sso login)");
    }

    @Test
    void otherClientSideFailuresAreNotDiagnosed() {
        assertThat(diagnose(failedClientSide("Unable to execute HTTP request: Connection refused").build())).isEmpty();
        assertThat(diagnose(failedClientSide(null).build())).isEmpty();
    }
}
