package dev.credwatch.it;

import dev.credwatch.demo.DemoKeys;
import dev.credwatch.demo.Scenario;
import dev.credwatch.demo.Scenarios;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a newcomer runs it: {@code java -javaagent:credwatch-agent.jar -jar credwatch-demo.jar}, the
 * shaded jar itself, in a forked JVM with a clean environment. Every diagnosis category must be on stderr, as
 * many lines of each as the story expects (SDK v1 and SDK v2 alike), every scenario's line on stdout, and no
 * secret anywhere.
 */
class DemoIT {
    private static final Set<String> EVERY_CATEGORY = Set.of("expired_credentials", "invalid_credentials",
            "signature_mismatch", "clock_skew", "region_mismatch", "access_denied", "missing_credentials",
            "credentials_expiring", "credentials_shadowed", "credentials_refresh_failed", "credentials_slow");
    /** The SDK v2 variants a newcomer must see beside the SDK v1 story. */
    private static final List<String> V2_SCENARIOS = List.of("v2-healthy", "v2-invalid-token", "v2-expired-token",
            "v2-clock-skew", "v2-access-denied", "v2-expiring-session", "v2-instance-profile", "v2-container",
            "v2-missing-credentials");
    /** The SDK v2 application's long-term key, masked as credwatch prints it. */
    private static final String V2_APP_KEY = "AKIA****OV2A";
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void theWholeStoryShowsEveryDiagnosisAndNoSecret(@TempDir Path dir) throws Exception {
        Path secretsFile = dir.resolve("secrets.txt");

        ForkedRun run = demo(dir, true, "--secrets-file", secretsFile.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).extracting(w -> w.get("diagnosis")).as(run.describe())
                .containsAll(EVERY_CATEGORY);
        List<Scenario> scenarios = Scenarios.all();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            assertThat(run.stdout()).as(run.describe()).contains("[" + (i + 1) + "/" + scenarios.size() + "] "
                    + s.name() + " (SDK " + s.sdk() + "): " + s.story());
        }
        // one line per scenario that expects one, of the category it expects; the healthy calls give none
        List<Scenario> warned = scenarios.stream().filter(s -> s.expected().diagnosis() != null)
                .collect(Collectors.toList());
        assertThat(warnings).as(run.describe()).hasSize(warned.size());
        assertThat(countByDiagnosis(warnings.stream().map(w -> w.get("diagnosis"))))
                .as(run.describe()).isEqualTo(countByDiagnosis(warned.stream().map(s -> s.expected().diagnosis())));
        assertThat(warnings).as("instance-profile credentials, fetched by the SDK")
                .anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "access_denied")
                        .containsEntry("source", "instance_profile").containsKey("expires_at"));
        assertThat(warnings).as("container credentials, fetched by the SDK")
                .anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "access_denied")
                        .containsEntry("source", "container").containsKey("expires_at"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "credentials_shadowed")
                .containsEntry("source", "environment"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "region_mismatch")
                .containsEntry("code", "AuthorizationHeaderMalformed"));
        v2WarningsAreThere(scenarios, warnings, run);
        assertThat(run.stdout()).contains("Summary: " + scenarios.size() + " scenarios")
                .doesNotContain("did not go as planned");
        // a clean terminal: stderr holds credwatch's lines and nothing else (no SDK logging, no stack trace)
        assertThat(run.applicationStderr()).as(run.describe()).isBlank();

        List<String> secrets = new ArrayList<>(Files.readAllLines(secretsFile, StandardCharsets.UTF_8));
        assertThat(secrets).as("the fake's own and issued secrets").hasSizeGreaterThan(DemoKeys.secrets().size());
        secrets.addAll(DemoKeys.secrets());
        SecretScan.assertNoSecretIn(run.stdout() + run.stderr(), secrets);
    }

    @ParameterizedTest
    @CsvSource({"clock-skew, v1", "v2-clock-skew, v2"})
    void oneScenarioRunsByName(String name, String sdk, @TempDir Path dir) throws Exception {
        ForkedRun run = demo(dir, true, name);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> scenarioLines = run.stdout().lines().filter(line -> line.matches("\\[\\d+/\\d+] .*"))
                .collect(Collectors.toList());
        assertThat(scenarioLines).as(run.describe()).hasSize(1);
        assertThat(scenarioLines.get(0)).startsWith("[1/1] " + name + " (SDK " + sdk + "): ");
        assertThat(run.stdout()).contains("the application saw: ok", "Summary: 1 scenario ");
        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(1);
        assertThat(warnings.get(0)).containsEntry("diagnosis", "clock_skew").containsEntry("service", "SQS");
        assertThat(Long.parseLong(warnings.get(0).get("skew_s"))).isBetween(1190L, 1210L);
        SecretScan.assertNoSecretIn(run.stdout() + run.stderr(), DemoKeys.secrets());
    }

    @Test
    void withoutTheAgentTheDemoRunsAndSaysNoLinesAreExpected(@TempDir Path dir) throws Exception {
        ForkedRun run = demo(dir, false, "healthy", "access-denied", "container", "v2-access-denied");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.agentLines()).as(run.describe()).isEmpty();
        assertThat(run.stdout()).contains("credwatch is NOT attached", "no [credwatch] lines were expected")
                .contains("AmazonSQSException AccessDeniedException 403", "AuthorizationError 403",
                        "SqsException AccessDeniedException 403");
        assertThat(run.stderr()).as(run.describe()).isBlank();
    }

    @Test
    void anUnknownNameIsRefusedWithTheList(@TempDir Path dir) throws Exception {
        ForkedRun run = demo(dir, false, "no-such-scenario");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown scenario 'no-such-scenario'", "clock-skew", "wrong-secret");
    }

    /**
     * The SDK v2 variants are in the story and diagnosed like their SDK v1 twins: v2 exception types on stdout,
     * v2 providers (or the v2 application's own key) on the agent's lines.
     */
    private static void v2WarningsAreThere(List<Scenario> scenarios, List<Map<String, String>> warnings,
                                           ForkedRun run) {
        assertThat(scenarios).filteredOn(s -> s.sdk().equals("v2")).extracting(Scenario::name)
                .containsAll(V2_SCENARIOS);
        assertThat(run.stdout()).contains("StsException InvalidClientTokenId 403",
                "SqsException ExpiredTokenException 400", "SqsException AccessDeniedException 403",
                "S3Exception AccessDenied 403");
        List<Map<String, String>> staticV2 = warnings.stream()
                .filter(w -> "StaticCredentialsProvider".equals(w.get("provider"))).collect(Collectors.toList());
        // v2-role-skipped-in-chain falls back to the same static keys after its role failed
        assertThat(staticV2).as(run.describe()).extracting(w -> w.get("diagnosis")).containsExactlyInAnyOrder(
                "invalid_credentials", "expired_credentials", "clock_skew", "access_denied", "credentials_expiring",
                "credentials_refresh_failed");
        assertThat(staticV2).anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "invalid_credentials")
                .containsEntry("service", "STS").containsEntry("code", "InvalidClientTokenId")
                .containsEntry("key", "AKIA****EV2B"));
        // SDK v2 speaks AWS JSON to SQS: the expired token is ExpiredTokenException there
        assertThat(staticV2).anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "expired_credentials")
                .containsEntry("service", "SQS").containsEntry("code", "ExpiredTokenException")
                .containsEntry("kind", "temporary"));
        assertThat(staticV2).anySatisfy(w -> {
            assertThat(w).containsEntry("diagnosis", "clock_skew").containsEntry("key", V2_APP_KEY);
            assertThat(Long.parseLong(w.get("skew_s"))).isBetween(1190L, 1210L);
        });
        assertThat(staticV2).anySatisfy(w -> assertThat(w).containsEntry("diagnosis", "access_denied")
                .containsEntry("operation", "SendMessage").containsEntry("key", V2_APP_KEY));
        assertThat(staticV2).anySatisfy(w -> {
            assertThat(w).containsEntry("diagnosis", "credentials_expiring").containsEntry("kind", "temporary");
            assertThat(Long.parseLong(w.get("ttl_s"))).isBetween(1L, 299L);
        });
        // the calls' story (the providers' story, whose lines rest on a watched fetch, comes below)
        List<Map<String, String>> calls = warnings.stream().filter(w -> !w.containsKey("fetch_ms"))
                .collect(Collectors.toList());
        // the role providers: one line from each SDK
        assertThat(calls).filteredOn(w -> "instance_profile".equals(w.get("source")))
                .extracting(w -> w.get("diagnosis")).containsExactly("access_denied", "access_denied");
        assertThat(calls).filteredOn(w -> "container".equals(w.get("source")))
                .extracting(w -> w.get("diagnosis")).containsExactly("access_denied", "access_denied");
        // the default chains: SDK v1's and SDK v2's, each named
        assertThat(calls).filteredOn(w -> "missing_credentials".equals(w.get("diagnosis")))
                .extracting(w -> w.get("provider")).hasSize(2).doesNotHaveDuplicates()
                .contains("DefaultAWSCredentialsProviderChain");
        providerWarningsAreThere(warnings);
    }

    /** The credential providers' story: each failure with its reason, from the fetch credwatch watched. */
    private static void providerWarningsAreThere(List<Map<String, String>> warnings) {
        List<String> fetched = warnings.stream().filter(w -> w.containsKey("fetch_ms"))
                .map(w -> w.get("diagnosis") + " " + w.get("source") + " " + w.get("reason"))
                .collect(Collectors.toList());
        assertThat(fetched).containsExactlyInAnyOrder(
                "credentials_slow instance_profile imds_token_failed",
                "missing_credentials instance_profile imds_no_role",
                "credentials_slow instance_profile imds_token_failed",
                "credentials_refresh_failed static web_identity_rejected",
                "missing_credentials web_identity web_identity_rejected",
                "missing_credentials web_identity throttled");
    }

    private static Map<String, Long> countByDiagnosis(Stream<String> diagnoses) {
        return diagnoses.collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()));
    }

    private static Path demoJar() {
        String path = System.getProperty("credwatch.demo.jar");
        if (path == null || !Files.isRegularFile(Paths.get(path))) {
            throw new IllegalStateException("the demo jar is missing (" + path + "): run mvn verify from the top");
        }
        return Paths.get(path).toAbsolutePath().normalize();
    }

    /** {@code java [-javaagent:…] -jar credwatch-demo.jar args}, with none of the machine's AWS variables. */
    private static ForkedRun demo(Path dir, boolean withAgent, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (withAgent) {
            command.add("-javaagent:" + ForkedJvm.agentJar());
        }
        command.add("-jar");
        command.add(demoJar().toString());
        command.addAll(List.of(args));
        File stdout = dir.resolve("stdout.txt").toFile();
        File stderr = dir.resolve("stderr.txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout).redirectError(stderr);
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("CREDWATCH_")
                || key.startsWith("OTEL_") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("the demo did not end within " + TIMEOUT_SECONDS + " s: " + command
                    + "\nstdout:\n" + Files.readString(stdout.toPath()) + "\nstderr:\n" + Files.readString(stderr.toPath()));
        }
        return new ForkedRun(process.exitValue(), Files.readString(stdout.toPath(), StandardCharsets.UTF_8),
                Files.readString(stderr.toPath(), StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<Map<String, String>> warnings(ForkedRun run) {
        return run.warnings().stream().map(LogLine::parse).collect(Collectors.toList());
    }
}
