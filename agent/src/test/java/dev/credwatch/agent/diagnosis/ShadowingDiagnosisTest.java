package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.credwatch.agent.diagnosis.Calls.LONG_TERM_KEY;
import static dev.credwatch.agent.diagnosis.Calls.NOW;
import static dev.credwatch.agent.diagnosis.Calls.credentials;
import static dev.credwatch.agent.diagnosis.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class ShadowingDiagnosisTest {
    private final Map<String, String> environment = new HashMap<>();

    private static CallObservation callWith(CredentialSource source, String keyId, boolean defaultChain) {
        CredentialInfo info = credentials(source, CredentialKind.LONG_TERM, keyId).fromDefaultChain(defaultChain)
                .build();
        return succeeded().credentials(info).build();
    }

    private void webIdentityRole() {
        environment.put("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks/token");
        environment.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app");
    }

    @Test
    void environmentKeysShadowingAWebIdentityRoleAreReportedOncePerKey() {
        webIdentityRole();
        Diagnoser diagnoser = Calls.diagnoser(environment);

        List<Diagnosis> first = diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW);
        List<Diagnosis> again = diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW);
        List<Diagnosis> otherKey = diagnoser.diagnose(
                callWith(CredentialSource.ENVIRONMENT, "AKIAOTHERKEY0000WXYZ", true), NOW);

        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_SHADOWED);
            assertThat(d.hint()).isEqualTo("keys from environment (AWS_ACCESS_KEY_ID) won the default chain over the "
                    + "web identity role arn:aws:iam::123456789012:role/app: remove them to use the role");
        });
        assertThat(again).isEmpty();
        assertThat(otherKey).hasSize(1);
    }

    @Test
    void theKeysAlreadyReportedAreBoundedSoAForgottenOneIsReportedAgain() {
        webIdentityRole();
        Diagnoser diagnoser = Calls.diagnoser(environment);
        diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW);

        for (int i = 0; i < 5_000; i++) {
            diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, String.format("AKIAMANY%012d", i), true), NOW);
        }

        assertThat(diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW))
                .as("remembered among at most 1,024 keys, the first one is forgotten").hasSize(1);
    }

    @Test
    void aProfileShadowingAContainerRole() {
        environment.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");

        List<Diagnosis> found = Calls.diagnoser(environment)
                .diagnose(callWith(CredentialSource.PROFILE, LONG_TERM_KEY, true), NOW);

        assertThat(found).singleElement().extracting(Diagnosis::hint).asString()
                .contains("the profile's aws_access_key_id").contains("the container role");
    }

    @Test
    void noRoleConfiguredOrARoleSourceWonOrNotTheDefaultChainMeansNoShadowing() {
        assertThat(Calls.diagnoser(environment)
                .diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW)).isEmpty();

        environment.put("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks/token");
        assertThat(Calls.diagnoser(environment)
                .diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, true), NOW))
                .as("a token file without a role ARN configures no role").isEmpty();

        webIdentityRole();
        Diagnoser diagnoser = Calls.diagnoser(environment);
        assertThat(diagnoser.diagnose(callWith(CredentialSource.WEB_IDENTITY, "ASIAROLEKEY00000WXYZ", true), NOW))
                .isEmpty();
        assertThat(diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, LONG_TERM_KEY, false), NOW)).isEmpty();
    }

    @Test
    void shadowingIsReportedEvenWhenTheCallFailed() {
        webIdentityRole();
        CallObservation denied = Calls.failed("AccessDenied", 403, "Access Denied")
                .credentials(credentials(CredentialSource.ENVIRONMENT, CredentialKind.LONG_TERM, LONG_TERM_KEY)
                        .fromDefaultChain(true).build()).build();

        assertThat(Calls.diagnoser(environment).diagnose(denied, NOW)).extracting(Diagnosis::category)
                .containsExactly(DiagnosisCategory.ACCESS_DENIED, DiagnosisCategory.CREDENTIALS_SHADOWED);
    }

    @Test
    void memoryOfReportedKeysIsBounded() {
        webIdentityRole();
        Diagnoser diagnoser = Calls.diagnoser(environment);

        for (int i = 0; i < 1025; i++) {
            diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, String.format("AKIA%016d", i), true), NOW);
        }

        assertThat(diagnoser.diagnose(callWith(CredentialSource.ENVIRONMENT, String.format("AKIA%016d", 0), true), NOW))
                .as("the oldest key was forgotten, so it is reported again").hasSize(1);
    }

    @Test
    void aWebIdentityRoleThatCannotWorkWithoutTheStsModuleIsNamedWhateverWon() {
        webIdentityRole();
        CredentialInfo instanceRole = credentials(CredentialSource.INSTANCE_PROFILE, CredentialKind.TEMPORARY,
                "ASIAIOSFODNN7NODEROL").fromDefaultChain(true).stsModuleMissing(true).build();

        List<Diagnosis> found = Calls.diagnoser(environment)
                .diagnose(succeeded().credentials(instanceRole).build(), NOW);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CREDENTIALS_SHADOWED);
            assertThat(d.evidence().reason()).isEqualTo("sts_module_missing");
            assertThat(d.hint()).isEqualTo("add aws-java-sdk-sts (SDK v1) or software.amazon.awssdk:sts (SDK v2) to "
                    + "the class path: without it the web identity role arn:aws:iam::123456789012:role/app cannot be "
                    + "used, so the default chain used instance_profile");
        });
    }

    @Test
    void withTheStsModuleAnInstanceRoleIsNoShadowing() {
        webIdentityRole();
        CredentialInfo instanceRole = credentials(CredentialSource.INSTANCE_PROFILE, CredentialKind.TEMPORARY,
                "ASIAIOSFODNN7NODEROL").fromDefaultChain(true).build();

        assertThat(Calls.diagnoser(environment).diagnose(succeeded().credentials(instanceRole).build(), NOW)).isEmpty();
    }
}
