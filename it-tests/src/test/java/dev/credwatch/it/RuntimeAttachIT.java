package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1LoopApp;
import dev.credwatch.it.apps.V2LoopApp;
import dev.credwatch.it.harness.AgentCommand;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.RunningJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar credwatch-agent.jar attach|list}: diagnosing a JVM that is already running. */
class RuntimeAttachIT {
    private static final String KEY = "AKIACREDWATCHATTACH1";
    private static final String SECRET = "attachItSecret/0123456789abcdefghijklmnop";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(KEY, SECRET);
        fake.deny("sqs", "ListQueues");
        fake.deny("sts", "GetCallerIdentity");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void attachingDiagnosesTheNextCallsOfClientsBuiltBeforeAndTwiceIsHarmless() throws Exception {
        try (RunningJvm app = ForkedJvm.main(V1LoopApp.class).withoutAgent()
                .sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.secretKey", SECRET).sysProp("app.seconds", "45").start()) {
            app.awaitOutput(output -> output.contains("READY"), PATIENCE);
            assertThat(app.stderrSoFar()).doesNotContain("[credwatch]");

            AgentCommand first = AgentCommand.run("attach", Long.toString(app.pid()));
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("attached to JVM " + app.pid());
            app.awaitOutput(output -> output.contains("diagnosis=access_denied"), PATIENCE);

            AgentCommand second = AgentCommand.run("attach", Long.toString(app.pid()));
            assertThat(second.exitCode()).as(second.output()).isZero();
            Thread.sleep(1000);
            assertThat(count(app.stderrSoFar(), "[credwatch] INFO ")).isEqualTo(1);
            assertThat(app.stderrSoFar()).contains("started (attach");
        }
    }

    @Test
    void attachingDiagnosesSdkV2SyncAndAsyncClientsBuiltBefore() throws Exception {
        try (RunningJvm app = ForkedJvm.main(V2LoopApp.class).withoutAgent()
                .sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.secretKey", SECRET).sysProp("app.seconds", "45").start()) {
            app.awaitOutput(output -> output.contains("READY"), PATIENCE);

            AgentCommand attach = AgentCommand.run("attach", Long.toString(app.pid()));
            assertThat(attach.exitCode()).as(attach.output()).isZero();
            app.awaitOutput(output -> output.contains("service=SQS") && output.contains("service=STS"), PATIENCE);

            List<String> denied = app.stderrSoFar().lines().filter(line -> line.contains("diagnosis=access_denied"))
                    .toList();
            assertThat(denied).anyMatch(line -> line.contains("service=SQS") && line.contains("operation=ListQueues"))
                    .anyMatch(line -> line.contains("service=STS") && line.contains("operation=GetCallerIdentity"))
                    .allMatch(line -> line.contains("provider=StaticCredentialsProvider"));
        }
    }

    @Test
    void listShowsTheJvmsOfThisMachine() throws Exception {
        AgentCommand list = AgentCommand.run("list");

        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).containsPattern("(?m)^[0-9]+ ");
    }

    @Test
    void aWrongPidGivesAClearMessage() throws Exception {
        AgentCommand noSuchProcess = AgentCommand.run("attach", "999999999");
        AgentCommand notAPid = AgentCommand.run("attach", "my-app");

        assertThat(noSuchProcess.exitCode()).isEqualTo(1);
        assertThat(noSuchProcess.output()).contains("cannot attach to JVM 999999999");
        assertThat(notAPid.exitCode()).isEqualTo(2);
        assertThat(notAPid.output()).contains("\"my-app\" is not a process id");
    }

    private static int count(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
