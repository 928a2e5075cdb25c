package dev.credwatch.it;

import dev.credwatch.it.apps.V1MatrixApp;
import dev.credwatch.it.harness.AgentComparison;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.ScenarioKeys;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.credwatch.it.harness.AgentComparison.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V1MatrixApp on four SDK v1 releases: the first with {@code AmazonHttpClient$RequestExecutor} (1.11.38, the
 * class credwatch instruments; its classes are Java 6 class files), the last 1.11.x, a mid 1.12.x and the build's
 * own release. The first three class paths are one release's sqs, sts and core jars with the jackson, httpclient
 * and joda-time versions that release asks for, copied by the sdk-v1-matrix modules; the build's is this
 * module's test class path. Three scenarios per release keep the suite short; each runs with and without the
 * agent and compares what the application printed.
 */
class V1VersionMatrixIT {
    private static final ScenarioKeys KEYS = new ScenarioKeys("M1");

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.accepting(KEYS);

    @ParameterizedTest
    @EnumSource(V1Release.class)
    void healthyCallsGiveNoWarning(V1Release release) {
        ForkedRun run = runWithAndWithoutAgent(release, V1VersionMatrixIT::longTermKey,
                "sqs.listQueues", "sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok");
        assertThat(run.agentLines()).as(run.describe()).hasSize(1)
                .allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    @ParameterizedTest
    @EnumSource(V1Release.class)
    void anExpiredSessionIsExpiredCredentials(V1Release release) {
        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm.sysProp("app.accessKey", KEYS.expiredKey())
                        .sysProp("app.secretKey", KEYS.expiredSecret()).sysProp("app.sessionToken", KEYS.expiredToken()),
                "sqs.sendMessage", "sts.getCallerIdentity");

        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .containsEntry("diagnosis", "expired_credentials").containsEntry("source", "static")
                .containsEntry("provider", "AWSStaticCredentialsProvider").containsEntry("kind", "temporary")
                .containsEntry("key", "ASIA****XP01"));
        assertThat(warnings).extracting(w -> w.get("service")).containsExactly("SQS", "STS");
        assertThat(warnings).extracting(w -> w.get("operation")).containsExactly("SendMessage", "GetCallerIdentity");
        assertThat(warnings.get(0)).containsEntry("code", release.sqsWire.expiredTokenCode)
                .containsEntry("status", release.sqsWire.authErrorStatus);
        assertThat(warnings.get(1)).containsEntry("code", "ExpiredToken").containsEntry("status", "403");
    }

    @ParameterizedTest
    @EnumSource(V1Release.class)
    void aWrongSecretIsASignatureMismatch(V1Release release) {
        ForkedRun run = runWithAndWithoutAgent(release, jvm -> longTermKey(jvm)
                .sysProp("app.secretKey", "aWrongSecretThatIsNotTheRealOne0123456789"),
                "sqs.listQueues", "sts.getCallerIdentity");

        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .containsEntry("diagnosis", "signature_mismatch").containsEntry("source", "static")
                .containsEntry("provider", "AWSStaticCredentialsProvider").containsEntry("kind", "long_term")
                .containsEntry("key", "AKIA****T001"));
        assertThat(warnings).extracting(w -> w.get("service")).containsExactly("SQS", "STS");
        assertThat(warnings.get(0)).containsEntry("code", release.sqsWire.signatureMismatchCode)
                .containsEntry("status", release.sqsWire.authErrorStatus);
        assertThat(warnings.get(1)).containsEntry("code", "SignatureDoesNotMatch").containsEntry("status", "403");
    }

    /** Before 1.11.678 the instance-metadata fetch runs in {@code EC2CredentialsFetcher}, later in its successor. */
    @ParameterizedTest
    @EnumSource(V1Release.class)
    void aSlowInstanceMetadataFetchIsCredentialsSlow(V1Release release) {
        fakeAws.fake().credentialsDelay(Duration.ofMillis(600));

        ForkedRun run = runWithAndWithoutAgent(release, jvm -> jvm.agentArgs("fetch.warn=300ms")
                .sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                        fakeAws.fake().instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false"), "sqs.listQueues");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok");
        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(1);
        assertThat(warnings.get(0)).containsEntry("diagnosis", "credentials_slow")
                .containsEntry("provider", "InstanceProfileCredentialsProvider")
                .containsEntry("source", "instance_profile");
    }

    private static ForkedJvm longTermKey(ForkedJvm jvm) {
        return jvm.sysProp("app.accessKey", KEYS.longTermKey()).sysProp("app.secretKey", KEYS.longTermSecret());
    }

    /** Both runs must print the same (see {@link AgentComparison}), and the agent may not have given up on v1. */
    private static ForkedRun runWithAndWithoutAgent(V1Release release, UnaryOperator<ForkedJvm> setup,
                                                    String... calls) {
        String classPath = release.classPath();
        ForkedRun run = AgentComparison.runWithAndWithoutAgent(() -> ForkedJvm.main(V1MatrixApp.class).quickStart()
                .classPath(classPath).sysProp("app.endpoint", fakeAws.fake().endpoint()).args(calls),
                setup, fakeAws.secrets());
        assertThat(run.agentLines()).as("SDK v1 %s: %s", release.version(classPath), run.describe())
                .noneMatch(line -> line.contains(" ERROR ") || line.contains("turned its"));
        return run;
    }

    /** The SDK's own answers differ by wire: SQS moved from the query protocol to JSON during 1.12.x. */
    private enum SqsWire {
        QUERY("ExpiredToken", "SignatureDoesNotMatch", "403"),
        JSON("ExpiredTokenException", "InvalidSignatureException", "400");

        final String expiredTokenCode;
        final String signatureMismatchCode;
        final String authErrorStatus;

        SqsWire(String expiredTokenCode, String signatureMismatchCode, String authErrorStatus) {
            this.expiredTokenCode = expiredTokenCode;
            this.signatureMismatchCode = signatureMismatchCode;
            this.authErrorStatus = authErrorStatus;
        }
    }

    /** A release of the matrix: its module under it-tests/sdk-v1-matrix/, or the build's own (null). */
    enum V1Release {
        OLDEST("oldest", SqsWire.QUERY),
        LATE_111("late111", SqsWire.QUERY),
        MID_112("mid112", SqsWire.QUERY),
        BUILD(null, SqsWire.JSON);

        private static final Pattern CORE_JAR = Pattern.compile("aws-java-sdk-core-([0-9.]+)\\.jar");

        private final String module;
        private final SqsWire sqsWire;

        V1Release(String module, SqsWire sqsWire) {
            this.module = module;
            this.sqsWire = sqsWire;
        }

        /**
         * The compiled test classes (V1MatrixApp) and the release's jars only; for the build's release, this
         * module's test class path. The matrix modules sit beside this module's target/, so their lib folders
         * are found from where V1MatrixApp was loaded.
         */
        String classPath() {
            if (module == null) {
                return System.getProperty("java.class.path");
            }
            Path testClasses = testClasses();
            Path lib = testClasses.getParent().getParent().resolve("sdk-v1-matrix").resolve(module)
                    .resolve("target").resolve("lib");
            try (Stream<Path> jars = Files.list(lib)) {
                List<String> entries = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString)
                        .sorted().collect(Collectors.toList());
                assertThat(entries).as("SDK v1 jars in " + lib).anyMatch(jar -> CORE_JAR.matcher(jar).find());
                entries.add(0, testClasses.toString());
                return String.join(File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException("run mvn verify from the top: " + lib + " is built by sdk-v1-matrix", e);
            }
        }

        /** The core jar's version on {@code classPath}, for the failure messages. */
        String version(String classPath) {
            Matcher core = CORE_JAR.matcher(classPath);
            return core.find() ? core.group(1) : "(no aws-java-sdk-core jar)";
        }

        private static Path testClasses() {
            try {
                return Paths.get(V1MatrixApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
