package dev.credwatch.it;

import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot executable jars (spring-boot-maven-plugin's repackage), run as users run them:
 * {@code java -javaagent:credwatch-agent.jar -jar app.jar}. The SDK sits in nested jars under BOOT-INF/lib
 * and is loaded by Spring Boot's launcher class loader, not the application class loader.
 */
class FatJarIT {
    private static final String KEY = "AKIACREDWATCHFATJAR1";
    private static final String SECRET = "fatJarLongTermSecret/0123456789abcdefghijk";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.acceptingLongTermKey(KEY, SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void anUnknownKeyInAFatJarIsDiagnosed(String sdk) {
        ForkedRun run = runWithAndWithoutAgent(sdk, "AKIAUNKNOWNFATJAR001");

        assertThat(run.stdout()).contains("code=InvalidClientTokenId status=403", "(loaded by LaunchedClassLoader)");
        List<String> warnings = run.warnings();
        assertThat(warnings).as(run.describe()).hasSize(1);
        Map<String, String> warning = LogLine.parse(warnings.get(0));
        assertThat(warning).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "STS")
                .containsEntry("source", "static").containsEntry("key", "AKIA****R001")
                .containsEntry("provider", "v1".equals(sdk) ? "AWSStaticCredentialsProvider"
                        : "StaticCredentialsProvider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void aHealthyCallInAFatJarGivesNoWarning(String sdk) {
        ForkedRun run = runWithAndWithoutAgent(sdk, KEY);

        assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> ok (loaded by LaunchedClassLoader)");
        assertThat(run.agentLines()).as(run.describe()).hasSize(1)
                .allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    private static ForkedRun runWithAndWithoutAgent(String sdk, String accessKey) {
        ForkedRun plain = app(sdk, accessKey).withoutAgent().run();
        ForkedRun watched = app(sdk, accessKey).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).isEqualTo(plain.stdout());
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr());
        assertThat(watched.stderr()).doesNotContain("ERROR", "turned its");
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), List.of(SECRET));
        return watched;
    }

    private static ForkedJvm app(String sdk, String accessKey) {
        Path jar = Paths.get(System.getProperty("credwatch.it.fatjar." + sdk, "missing"));
        assertThat(jar).as("built by it-tests/fat-jars: run mvn verify from the top").matches(Files::isRegularFile);
        return ForkedJvm.executableJar(jar).quickStart().sysProp("app.endpoint", fakeAws.fake().endpoint())
                .sysProp("app.accessKey", accessKey).sysProp("app.secretKey", SECRET);
    }
}
