package dev.credwatch.agent.report;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.diagnosis.DiagnosisCategory;
import dev.credwatch.agent.diagnosis.Evidence;
import dev.credwatch.agent.observation.CallObservation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WarningRecordTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static WarningRecord expired(AccessKeyMask mask) {
        CredentialInfo credentials = CredentialInfo.builder().provider("ProfileCredentialsProvider")
                .source(CredentialSource.PROFILE).kind(CredentialKind.TEMPORARY).accessKeyId("ASIAIOSFODNN7EXAWXYZ")
                .expiresAt(Instant.parse("2026-11-22T09:48:00.250Z")).build();
        CallObservation call = CallObservation.builder().sdk("v1").service("SQS").operation("SendMessage")
                .region("eu-west-1").httpStatus(403).errorCode("ExpiredToken")
                .errorMessage("The security token included in the request is expired " + SECRET)
                .requestId("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE").clockSkewSeconds(0L).credentials(credentials).build();
        Diagnosis diagnosis = new Diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS, "renew them", "ExpiredToken");
        return WarningRecord.of(call, diagnosis.withEvidence(Evidence.of(call, diagnosis)), NOW, mask);
    }

    @Test
    void theHintIsTheBodyAndTheLineKeysAreCredwatchAttributesInOrder() {
        WarningRecord record = expired(AccessKeyMask.PARTIAL);

        assertThat(record.body()).isEqualTo("renew them");
        assertThat(record.attributes()).containsExactly(
                entry("credwatch.diagnosis", "expired_credentials"), entry("credwatch.service", "SQS"),
                entry("credwatch.operation", "SendMessage"), entry("credwatch.code", "ExpiredToken"),
                entry("credwatch.status", 403L), entry("credwatch.source", "profile"),
                entry("credwatch.provider", "ProfileCredentialsProvider"), entry("credwatch.kind", "temporary"),
                entry("credwatch.key", "ASIA****WXYZ"), entry("credwatch.expires_at", "2026-11-22T09:48:00Z"),
                entry("credwatch.ttl_s", -720L), entry("credwatch.skew_s", 0L), entry("credwatch.region", "eu-west-1"),
                entry("credwatch.request_id", "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"));
    }

    @Test
    void aFullMaskHidesTheKeyAndNothingCarriesTheSecretOrTheServiceMessage() {
        WarningRecord record = expired(AccessKeyMask.FULL);

        assertThat(record.attributes().get("credwatch.key")).isNotEqualTo("ASIA****WXYZ");
        assertThat(record.attributes().values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(SECRET).doesNotContain("AKIA").doesNotContain("IOSFODNN7"));
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<String, Object>(key, value);
    }
}
