package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileKeysTest {
    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    private ProfileKeys probe() {
        return new ProfileKeys(environment::get, home.toString());
    }

    private void credentialsFile(String content) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), content);
    }

    @Test
    void theDefaultProfileWithKeysIsNamed() throws IOException {
        credentialsFile("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n");

        assertThat(probe().profileWithKeys()).isEqualTo("default");
    }

    @Test
    void aProfileChosenByAwsProfileInTheConfigFileIsNamed() throws IOException {
        Path config = Files.writeString(home.resolve("config"), "[profile prod]\nregion = eu-west-1\n"
                + "aws_access_key_id=AKIAIOSFODNN7EXAMPLE\n");
        environment.put("AWS_PROFILE", "prod");
        environment.put("AWS_CONFIG_FILE", config.toString());

        assertThat(probe().profileWithKeys()).isEqualTo("prod");
    }

    @Test
    void aProfileWithoutKeysOrNoFileAtAllIsNothing() throws IOException {
        assertThat(probe().profileWithKeys()).isNull();

        credentialsFile("[default]\nregion = eu-west-1\n[other]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");

        assertThat(probe().profileWithKeys()).isNull();
    }

    @Test
    void theAnswerIsLookedUpOnce() throws IOException {
        ProfileKeys probe = probe();
        assertThat(probe.profileWithKeys()).isNull();

        credentialsFile("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");

        assertThat(probe.profileWithKeys()).isNull();
    }
}
