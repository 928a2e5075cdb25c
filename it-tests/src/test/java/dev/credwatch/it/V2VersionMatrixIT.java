package dev.credwatch.it;

import dev.credwatch.it.apps.V2App;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2App on other SDK v2 releases than the build's: the oldest supported (2.20.0, before the identity
 * rework, no provider names), a 2.2x release (the identity rework, still no provider names), a 2.3x release
 * (provider class names) and the newest that resolves (provider codes, credentials with their expiry). Each class path is one release's sqs, sts and HTTP client jars,
 * copied by the sdk-v2-matrix modules. A few scenarios per release keep the suite short; each still runs
 * with and without the agent and compares what the application printed.
 */
class V2VersionMatrixIT {
    private static final String KEY = "AKIACREDWATCHMATRIX1";
    private static final String SECRET = "matrixLongTermSecret/0123456789abcdefghijk";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.acceptingLongTermKey(KEY, SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "early", "mid", "newest"})
    void healthySyncAndAsyncCallsGiveNoWarning(String release) {
        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm, "sqs.listQueues", "async:sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL async:sts.getCallerIdentity -> ok");
        assertThat(run.agentLines()).as(run.describe()).hasSize(1).allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "early", "mid", "newest"})
    void anUnknownKeyIsInvalidCredentialsFromTheStaticProvider(String release) {
        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm.sysProp("app.accessKey", "AKIAUNKNOWNMATRIX001"),
                "sts.getCallerIdentity", "async:sqs.listQueues");

        List<Map<String, String>> warnings = run.warnings().stream().map(LogLine::parse).collect(Collectors.toList());
        assertThat(warnings).as(run.describe()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .containsEntry("diagnosis", "invalid_credentials").containsEntry("source", "static")
                .containsEntry("provider", "StaticCredentialsProvider").containsEntry("key", "AKIA****X001"));
        assertThat(warnings).extracting(w -> w.get("service")).containsExactly("STS", "SQS");
        assertThat(warnings.get(0)).containsEntry("code", "InvalidClientTokenId").containsEntry("status", "403");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "early", "mid", "newest"})
    void aClockSkewHiddenByTheSdksRetryIsReported(String release) {
        fakeAws.fake().setClockOffset(Duration.ofMinutes(-20));

        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm, "async:sqs.listQueues");

        assertThat(run.stdout()).contains("CALL async:sqs.listQueues -> ok");
        List<String> warnings = run.warnings();
        assertThat(warnings).as(run.describe()).hasSize(1);
        Map<String, String> warning = LogLine.parse(warnings.get(0));
        assertThat(warning).containsEntry("diagnosis", "clock_skew");
        assertThat(warning.get("hint")).contains("retried");
        assertThat(Long.parseLong(warning.get("skew_s"))).isBetween(-1205L, -1195L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "early", "mid", "newest"})
    void noCredentialsAnywhereIsMissingCredentials(String release) {
        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm.sysProp("app.credentials", "default")
                .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credwatch/credentials")
                .env("AWS_CONFIG_FILE", "/nonexistent/credwatch/config"), "sqs.listQueues");

        List<String> warnings = run.warnings();
        assertThat(warnings).as(run.describe()).hasSize(1);
        assertThat(LogLine.parse(warnings.get(0))).containsEntry("diagnosis", "missing_credentials")
                .containsEntry("service", "SQS");
    }

    private static ForkedRun runWithAndWithoutAgent(String release, UnaryOperator<ForkedJvm> setup, String... calls) {
        ForkedRun plain = setup.apply(app(release, calls).withoutAgent()).run();
        ForkedRun watched = setup.apply(app(release, calls)).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).as(watched.describe()).isEqualTo(plain.stdout());
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr());
        assertThat(watched.stderr()).as("the v2 instrumentation stayed on").doesNotContain("turned its");
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), List.of(SECRET));
        SecretScan.assertNoSecretIn(String.join("\n", watched.agentLines()), fakeAws.fake().secrets());
        return watched;
    }

    private static ForkedJvm app(String release, String... calls) {
        return ForkedJvm.main(V2App.class).quickStart().classPath(classPath(release))
                .sysProp("app.endpoint", fakeAws.fake().endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.secretKey", SECRET).args(calls);
    }

    /** This module's compiled test classes (V2App) and nothing else but the release's jars. */
    private static String classPath(String release) {
        String version = System.getProperty("credwatch.it.sdkv2." + release + ".version");
        Path lib = Paths.get(System.getProperty("credwatch.it.sdkv2." + release + ".lib", "missing"));
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> entries = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString)
                    .sorted().collect(Collectors.toList());
            assertThat(entries).as("SDK v2 " + version + " jars in " + lib)
                    .anyMatch(jar -> jar.endsWith("sdk-core-" + version + ".jar"));
            Path appClasses = Paths.get(V2App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            entries.add(0, appClasses.toString());
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("run mvn verify from the top: " + lib + " is built by sdk-v2-matrix", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
