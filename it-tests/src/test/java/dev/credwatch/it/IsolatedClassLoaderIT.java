package dev.credwatch.it;

import dev.credwatch.it.apps.IsolatedWebapps;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK in class loaders that do not delegate to the application class loader, where the agent jar is: the
 * advice must still reach credwatch (through its dispatch classes on the boot class path). The host's own class
 * path holds only its launcher; each webapp loads its own SDK copy, with the platform loader as parent.
 */
class IsolatedClassLoaderIT {
    private static final String KEY = "AKIACREDWATCHISOLATE";
    private static final String SECRET = "isolatedLoaderSecret/0123456789abcdefghijk";
    private static final String UNKNOWN_KEY = "AKIAUNKNOWNISOLATE01";
    private static final String BOOT_APPEND_WARNING = "OpenJDK 64-Bit Server VM warning: Sharing is only supported "
            + "for boot loader classes because bootstrap classpath has been appended";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.acceptingLongTermKey(KEY, SECRET);

    @Test
    void sdkV1AndV2InAnIsolatedLoaderAreDiagnosed() {
        ForkedRun run = runWithAndWithoutAgent(UNKNOWN_KEY, "V1App:sts.getCallerIdentity",
                "V2App:sqs.listQueues,async:sns.listTopics");

        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(3).allSatisfy(warning -> assertThat(warning)
                .containsEntry("diagnosis", "invalid_credentials").containsEntry("key", "AKIA****TE01"));
        assertThat(warnings).extracting(w -> w.get("service")).containsExactlyInAnyOrder("STS", "SQS", "SNS");
        assertThat(warnings).filteredOn(w -> "STS".equals(w.get("service"))).singleElement()
                .satisfies(w -> assertThat(w).containsEntry("provider", "AWSStaticCredentialsProvider"));
        assertThat(warnings).filteredOn(w -> "SNS".equals(w.get("service"))).singleElement()
                .satisfies(w -> assertThat(w).containsEntry("provider", "StaticCredentialsProvider"));
    }

    @Test
    void twoWebappsWithTheirOwnSdkCopiesAreEachDiagnosedAtOnce() {
        ForkedRun run = runWithAndWithoutAgent(UNKNOWN_KEY, "V1App:sts.getCallerIdentity", "V1App:sqs.listQueues",
                "V2App:sns.listTopics", "V2App:async:s3.listBuckets");

        assertThat(run.stdout()).contains("HOST SDK copies: 4 of 4");
        assertThat(warnings(run)).as(run.describe()).extracting(w -> w.get("service"))
                .containsExactlyInAnyOrder("STS", "SQS", "SNS", "S3");
    }

    @Test
    void healthyCallsInIsolatedLoadersGiveNoWarning() {
        ForkedRun run = runWithAndWithoutAgent(KEY, "V1App:sqs.listQueues", "V2App:sts.getCallerIdentity");

        assertThat(run.stdout()).contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok");
        assertThat(run.agentLines()).as(run.describe()).hasSize(1)
                .allMatch(line -> line.startsWith("[credwatch] INFO "));
    }

    /**
     * The one case left out: an SDK on the class path met first, then one in an isolated loader. The first is
     * diagnosed; the second cannot reach credwatch, which says so in one line; the application is unaffected.
     */
    @Test
    void anIsolatedSdkMetAfterOneOnTheClassPathIsNamedAndLeftAlone() {
        ForkedRun plain = hostWithSdk().withoutAgent().run();
        ForkedRun watched = hostWithSdk().run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(sortedLines(watched.stdout())).isEqualTo(sortedLines(plain.stdout()));
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr()).doesNotContain("Sharing");
        assertThat(warnings(watched)).as(watched.describe()).singleElement()
                .satisfies(warning -> assertThat(warning).containsEntry("service", "STS"));
        assertThat(watched.agentLines()).filteredOn(line -> line.contains(" ERROR ")).singleElement().asString()
                .contains("cannot reach the AWS SDK loaded by java.net.URLClassLoader@", "its calls are not diagnosed");
    }

    private static ForkedJvm hostWithSdk() {
        return host(UNKNOWN_KEY, "V1App:sqs.listQueues").classPath(webappClassPath())
                .sysProp("app.hostCalls", "V1App:sts.getCallerIdentity");
    }

    private static ForkedRun runWithAndWithoutAgent(String accessKey, String... webapps) {
        ForkedRun plain = host(accessKey, webapps).withoutAgent().run();
        ForkedRun watched = host(accessKey, webapps).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).contains("HOST sees an SDK: false");
        // The webapps run at once: their lines interleave differently from run to run, their set does not.
        assertThat(sortedLines(watched.stdout())).as(watched.describe()).isEqualTo(sortedLines(plain.stdout()));
        // The one line credwatch cannot avoid here, the JVM's own (README, "Class loaders"): appending to the boot
        // class path while the JVM runs limits class data sharing to boot classes, and the JVM says so once.
        assertThat(watched.applicationStderr().lines().filter(line -> !line.equals(BOOT_APPEND_WARNING)))
                .containsExactlyElementsOf(plain.applicationStderr().lines().toList());
        assertThat(watched.applicationStderr().lines().filter(BOOT_APPEND_WARNING::equals)).hasSize(1);
        assertThat(watched.stderr()).doesNotContain("ERROR", "turned its");
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), List.of(SECRET));
        return watched;
    }

    private static List<Map<String, String>> warnings(ForkedRun run) {
        return run.warnings().stream().map(LogLine::parse).collect(Collectors.toList());
    }

    private static List<String> sortedLines(String text) {
        return Arrays.stream(text.split("\\R")).sorted().collect(Collectors.toList());
    }

    /** The host's class path is its launcher's directory; the webapps get the test class path, but no agent. */
    private static ForkedJvm host(String accessKey, String... webapps) {
        return ForkedJvm.main(IsolatedWebapps.class).quickStart().classPath(launcherClasses())
                .sysProp("app.webappClassPath", webappClassPath())
                .sysProp("app.endpoint", fakeAws.fake().endpoint()).sysProp("app.accessKey", accessKey)
                .sysProp("app.secretKey", SECRET).args(webapps);
    }

    private static String webappClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("credwatch-agent") && !entry.contains("opentelemetry-javaagent"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String launcherClasses() {
        try {
            return Paths.get(IsolatedWebapps.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
