package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1LoopApp;
import dev.credwatch.it.harness.AgentCommand;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.RunningJvm;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar credwatch-agent.jar status <pid> [--json]} on a running JVM: the credentials it uses, read
 * from its {@code dev.credwatch:type=Credentials} MXBean; and on a JVM without credwatch, a line offering attach.
 */
class CredentialInventoryIT {
    private static final String KEY = "AKIACREDWATCHSTATUS1";
    private static final String SECRET = "statusItSecret/0123456789abcdefghijklmnop";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(KEY, SECRET);
        fake.deny("sqs", "ListQueues");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void statusShowsTheCredentialsARunningJvmUsesAndTheirSecurityErrors() throws Exception {
        try (RunningJvm app = loop().start()) {
            app.awaitOutput(output -> output.contains("diagnosis=access_denied"), PATIENCE);

            AgentCommand table = AgentCommand.run("status", Long.toString(app.pid()));
            AgentCommand json = AgentCommand.run("status", Long.toString(app.pid()), "--json");

            assertThat(table.exitCode()).as(table.output()).isZero();
            assertThat(table.output()).contains(" in JVM " + app.pid() + ": 1 credential", "settings: expiry.warn=",
                    "KEY", "SOURCE", "PROVIDER", "EXPIRES (UTC)", "SECURITY ERRORS");
            assertThat(table.output()).containsPattern("^credwatch [0-9][^ ]* in JVM " + app.pid() + ": ");
            String row = table.output().lines().filter(line -> line.startsWith("AKIA****TUS1")).findFirst()
                    .orElseThrow(() -> new AssertionError(table.output()));
            assertThat(row.split(" +")).startsWith("AKIA****TUS1", "static", "AWSStaticCredentialsProvider",
                    "long_term", "-", "-");
            assertThat(json.exitCode()).as(json.output()).isZero();
            assertThat(json.output()).startsWith("{\"pid\":\"" + app.pid() + "\",\"agent_version\":")
                    .contains("\"credentials\":[{\"key\":\"AKIA****TUS1\",\"source\":\"static\"",
                            "\"expires_at\":null", "\"ttl_s\":null", "\"last_diagnosis\":\"access_denied\"");
            long calls = number(json.output(), "\"calls\":([0-9]+)");
            assertThat(calls).isPositive();
            assertThat(number(json.output(), "\"access_denied\":([0-9]+)")).isPositive().isLessThanOrEqualTo(calls);
            SecretScan.assertNoSecretIn(table.output() + json.output(), List.of(SECRET));
        }
    }

    @Test
    void statusShowsWhenTemporaryCredentialsFromInstanceMetadataExpire() throws Exception {
        try (RunningJvm app = loop().sysProp("app.credentials", "instance-profile")
                .sysProp("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride", fake.instanceMetadataEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "false").start()) {
            app.awaitOutput(output -> output.contains("READY"), PATIENCE);
            Instant asked = Instant.now();

            AgentCommand json = AgentCommand.run("status", Long.toString(app.pid()), "--json");
            AgentCommand table = AgentCommand.run("status", Long.toString(app.pid()));

            // Printed for the README's example of both forms.
            System.out.println("status of JVM " + app.pid() + ":\n" + table.output() + json.output());
            assertThat(json.exitCode()).as(json.output()).isZero();
            assertThat(json.output()).contains("\"source\":\"instance_profile\"",
                    "\"provider\":\"InstanceProfileCredentialsProvider\"", "\"kind\":\"temporary\"",
                    "\"last_fetch_outcome\":\"ok\"");
            assertThat(json.output()).containsPattern("\"key\":\"ASIA\\*\\*\\*\\*[A-Z0-9]{4}\"");
            Matcher expiry = Pattern.compile("\"expires_at\":\"([^\"]+)\"").matcher(json.output());
            assertThat(expiry.find()).as(json.output()).isTrue();
            // The fake metadata service issues keys for an hour.
            assertThat(Instant.parse(expiry.group(1))).isBetween(asked.plus(Duration.ofMinutes(55)),
                    asked.plus(Duration.ofMinutes(61)));
            assertThat(number(json.output(), "\"ttl_s\":([0-9]+)")).isBetween(55L * 60, 3600L);
            assertThat(number(json.output(), "\"calls\":([0-9]+)")).isPositive();
            assertThat(table.output()).contains(expiry.group(1)).containsPattern(" 5[5-9]m[0-9]{2}s ");
            SecretScan.assertNoSecretIn(table.output() + json.output(), fake.secrets());
        }
    }

    @Test
    void statusOnAJvmWithoutCredwatchOffersToAttach() throws Exception {
        try (RunningJvm app = loop().withoutAgent().start()) {
            app.awaitOutput(output -> output.contains("READY"), PATIENCE);

            AgentCommand status = AgentCommand.run("status", Long.toString(app.pid()));

            assertThat(status.exitCode()).isEqualTo(1);
            assertThat(status.output()).contains("runs without credwatch")
                    .contains("java -jar credwatch-agent.jar attach " + app.pid());
        }
    }

    @Test
    void statusOnAProcessThatIsNoJvmSaysSoInOneLine() throws Exception {
        AgentCommand status = AgentCommand.run("status", "999999999");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.output().lines()).singleElement().asString().startsWith("credwatch: cannot read JVM 999999999");
    }

    private static ForkedJvm loop() {
        return ForkedJvm.main(V1LoopApp.class).sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.secretKey", SECRET).sysProp("app.seconds", "45");
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

}
