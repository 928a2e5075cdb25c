package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ProfileKeys;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.NOW;
import static dev.credwatch.agent.diagnosis.Calls.SESSION_KEY;
import static dev.credwatch.agent.diagnosis.Calls.failedClientSide;
import static dev.credwatch.agent.diagnosis.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class CredentialFetchDiagnosisTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser(Duration.ofMinutes(5), Duration.ofSeconds(60),
            Duration.ofSeconds(1), Collections.<String, String>emptyMap()::get,
            new ProfileKeys(Collections.<String, String>emptyMap()::get, null));

    private static CredentialInfo container(Duration left) {
        return CredentialInfo.builder().provider("ContainerCredentialsProvider").source(CredentialSource.CONTAINER)
                .kind(CredentialKind.TEMPORARY).accessKeyId(SESSION_KEY).expiresAt(NOW.plus(left))
                .refreshLead(Duration.ofMinutes(15)).build();
    }

    private static CredentialFetch fetch(CredentialSource source, String provider, long millis,
                                         CredentialFetch.Outcome outcome, String reason, String slowStep,
                                         CredentialInfo keys) {
        return new CredentialFetch("v2", provider, source, NOW.toEpochMilli(), millis, outcome, reason, slowStep,
                reason == null ? null : "HTTP 500", keys);
    }

    @Test
    void aBackgroundRefreshThatFailsWhileOldKeysAreServedWarnsWithTheirTimeLeft() {
        CredentialFetch failed = fetch(CredentialSource.CONTAINER, "ContainerCredentialsProvider", 40,
                CredentialFetch.Outcome.FAILED_SERVING_OLD_KEYS, "endpoint_error", null, container(Duration.ofMinutes(9)));

        Diagnosis found = DIAGNOSER.diagnose(failed, NOW).get(0);

        assertThat(found.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_REFRESH_FAILED);
        assertThat(found.hint()).startsWith("container failed to fetch credentials (HTTP 500) and the old keys still "
                + "used expire in 9m: the container credentials endpoint answered an error");
        assertThat(found.evidence().reason()).isEqualTo("endpoint_error");
        assertThat(found.evidence().fetchMillis()).isEqualTo(40L);
        assertThat(found.hint()).hasSizeLessThanOrEqualTo(Hints.MAX_HINT_CHARS);
    }

    @Test
    void aBackgroundFetchThatWorkedSaysNothing() {
        assertThat(DIAGNOSER.diagnose(fetch(CredentialSource.CONTAINER, "ContainerCredentialsProvider", 40,
                CredentialFetch.Outcome.OK, null, null, container(Duration.ofHours(6))), NOW)).isEmpty();
    }

    @Test
    void aSlowFetchACallWaitedForNamesTheStepThatFailedFirst() {
        CredentialFetch slow = fetch(CredentialSource.INSTANCE_PROFILE, "InstanceProfileCredentialsProvider", 3_200,
                CredentialFetch.Outcome.OK, null, "imds_token_failed", container(Duration.ofHours(6)));
        CallObservation call = succeeded().credentialFetches(Collections.singletonList(slow)).build();

        List<Diagnosis> found = DIAGNOSER.diagnose(call, NOW);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_SLOW);
            assertThat(d.hint()).startsWith("fetching credentials from instance_profile took 3s while SQS.SendMessage "
                    + "waited: the IMDSv2 token request got no answer: inside a container, the instance's hop limit "
                    + "of 1; raise it to 2");
            assertThat(d.evidence().reason()).isEqualTo("imds_token_failed");
            assertThat(d.evidence().fetchMillis()).isEqualTo(3_200L);
        });
    }

    @Test
    void aQuickFetchIsNotSlow() {
        CredentialFetch quick = fetch(CredentialSource.CONTAINER, "ContainerCredentialsProvider", 900,
                CredentialFetch.Outcome.OK, null, null, container(Duration.ofHours(6)));

        assertThat(DIAGNOSER.diagnose(succeeded().credentialFetches(Collections.singletonList(quick)).build(), NOW))
                .isEmpty();
    }

    @Test
    void aRoleSourceThatFailedWhileTheChainWentOnIsNamed() {
        CredentialFetch webIdentity = fetch(CredentialSource.WEB_IDENTITY, "StsAssumeRoleWithWebIdentityCredentialsProvider",
                120, CredentialFetch.Outcome.FAILED, "web_identity_rejected", null, null);
        CallObservation call = succeeded().credentials(Calls.staticLongTerm())
                .credentialFetches(Collections.singletonList(webIdentity)).build();

        Diagnosis found = DIAGNOSER.diagnose(call, NOW).get(0);

        assertThat(found.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_REFRESH_FAILED);
        assertThat(found.hint()).startsWith("web_identity failed to fetch credentials (HTTP 500) and the chain went "
                + "on to environment: STS refused the web identity token: check the role's trust policy");
        assertThat(found.evidence().reason()).isEqualTo("web_identity_rejected");
    }

    @Test
    void noCredentialsAtAllNamesTheFetchesReasonsInTheChain() {
        CredentialFetch imds = fetch(CredentialSource.INSTANCE_PROFILE, "InstanceProfileCredentialsProvider", 1_100,
                CredentialFetch.Outcome.FAILED, "imds_token_failed", "imds_token_failed", null);
        CallObservation call = failedClientSide(MissingCredentialsDiagnosisTest.V2_CHAIN.replace(
                "IMDS credentials have been disabled by environment variable or system property.",
                "Failed to load credentials from IMDS."))
                .credentialFetches(Collections.singletonList(imds)).build();

        List<Diagnosis> found = DIAGNOSER.diagnose(call, NOW);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.MISSING_CREDENTIALS);
            assertThat(d.hint()).isEqualTo("tried 6 providers: instance metadata (IMDSv2 token request failed), "
                    + "profile (no profile file); not set: system properties, environment, web identity, container");
            assertThat(d.evidence().reason()).isEqualTo("imds_token_failed,profile_not_found");
        });
    }
}
