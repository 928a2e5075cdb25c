package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ProfileKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;

import static dev.credwatch.agent.diagnosis.Calls.LONG_TERM_KEY;
import static dev.credwatch.agent.diagnosis.Calls.NOW;
import static dev.credwatch.agent.diagnosis.Calls.credentials;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static dev.credwatch.agent.diagnosis.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/** Environment keys that won the default chain over a profile with keys of its own: said on a failure only. */
class ShadowedProfileDiagnosisTest {
    @TempDir
    Path home;

    private Diagnoser diagnoser() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIAOTHERKEY00000001\n");
        Map<String, String> environment = Collections.emptyMap();
        return new Diagnoser(Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(1), environment::get,
                new ProfileKeys(environment::get, home.toString()));
    }

    private static CredentialInfo environmentKeys() {
        return credentials(CredentialSource.ENVIRONMENT, CredentialKind.LONG_TERM, LONG_TERM_KEY)
                .fromDefaultChain(true).build();
    }

    @Test
    void aFailureOfTheEnvironmentsKeysNamesTheProfileTheyWonOver() throws IOException {
        Diagnosis found = diagnoser().diagnose(failed("InvalidClientTokenId", 403, "The security token included in "
                + "the request is invalid.").credentials(environmentKeys()).build(), NOW).get(0);

        assertThat(found.category()).isEqualTo(DiagnosisCategory.INVALID_CREDENTIALS);
        assertThat(found.hint()).endsWith("; the environment's keys won over profile 'default', which has keys of "
                + "its own").hasSizeLessThanOrEqualTo(Hints.MAX_HINT_CHARS).doesNotContain("AKIAOTHER");
    }

    @Test
    void onSuccessNothingIsSaid() throws IOException {
        assertThat(diagnoser().diagnose(succeeded().credentials(environmentKeys()).build(), NOW)).isEmpty();
    }
}
