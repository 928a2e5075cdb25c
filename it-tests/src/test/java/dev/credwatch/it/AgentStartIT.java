package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.apps.V2App;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.JavaHomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent attaches to a JVM running a real SDK v1 client, says so once, and changes nothing else. */
class AgentStartIT {
    private static final String KEY = "AKIACREDWATCHSTART01";
    private static final String SECRET = "startItSecret/0123456789abcdefghijklmnopq";

    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(KEY, SECRET);
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void printsOneStartLineAndLeavesTheApplicationOutputUnchanged() {
        ForkedRun plain = app().withoutAgent().run();
        ForkedRun watched = app().run();

        assertThat(watched.stdout()).isEqualTo(plain.stdout()).contains("CALL sqs.listQueues -> ok");
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr());
        assertThat(watched.agentLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("[credwatch] INFO ")
                .contains("started", "expiry.warn=5m", "skew.warn=1m", "log.format=text", "mask=partial"));
    }

    @Test
    void runsOnJava25Too() {
        Path java25 = JavaHomes.java25().orElse(null);
        Assumptions.assumeTrue(java25 != null, "no Java 25 on this machine");

        ForkedRun plain = app().javaHome(java25).withoutAgent().run();
        ForkedRun watched = app().javaHome(java25).run();

        assertThat(watched.stdout()).isEqualTo(plain.stdout()).contains("CALL sqs.listQueues -> ok");
        assertThat(watched.agentLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("started", "Java 25"));
        // Java 24+ reports sun.misc.Unsafe users on stderr: the agent must not add such a line to the application's.
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr()).doesNotContain("sun.misc.Unsafe");
    }

    @Test
    void addsNothingToAnSdkV2ApplicationsStderrOnJava25() {
        Path java25 = JavaHomes.java25().orElse(null);
        Assumptions.assumeTrue(java25 != null, "no Java 25 on this machine");

        ForkedRun plain = v2App().javaHome(java25).withoutAgent().run();
        ForkedRun watched = v2App().javaHome(java25).run();

        assertThat(watched.stdout()).isEqualTo(plain.stdout()).contains("CALL sqs.listQueues -> ok");
        assertThat(watched.applicationStderr()).isEqualTo(plain.applicationStderr()).doesNotContain("sun.misc.Unsafe");
    }

    @Test
    void aBadSettingGivesOneClearLineAndTheDefault() {
        ForkedRun watched = app().agentArgs("expiry.warn=5x").run();

        assertThat(watched.stdout()).contains("CALL sqs.listQueues -> ok");
        assertThat(watched.agentLines()).hasSize(2);
        assertThat(watched.agentLines().get(0)).startsWith("[credwatch] ERROR").contains("expiry.warn", "5x");
        assertThat(watched.agentLines().get(1)).contains("started", "expiry.warn=5m");
    }

    @Test
    void settingsComeFromSystemPropertiesAndTheEnvironmentToo() {
        ForkedRun watched = app().sysProp("credwatch.expiry.warn", "10m").env("CREDWATCH_LOG_REPEAT", "2m").run();

        assertThat(watched.agentLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("expiry.warn=10m", "log.repeat=2m"));
    }

    private static ForkedJvm v2App() {
        return ForkedJvm.main(V2App.class).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).args("sqs.listQueues");
    }

    private static ForkedJvm app() {
        return ForkedJvm.main(V1App.class).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).args("sqs.listQueues");
    }
}
