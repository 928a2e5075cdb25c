package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1AndV2App;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One JVM calling AWS through SDK v1 and SDK v2 at once: each SDK's calls are diagnosed, none twice or lost. */
class SdkV1AndV2SideBySideIT {
    private static final String KEY = "AKIACREDWATCHBOTH001";
    private static final String SECRET = "bothSdksLongTermSecret/0123456789abcdefgh";
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(KEY, SECRET);
        fake.rejectAs("sns", KEY, "InvalidSecurity");
        fake.deny("sqs", "SendMessage");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void bothSdksAreObservedInOneJvm() {
        String[] calls = {"v1:sqs.listQueues", "v2:sts.getCallerIdentity", "v1:sns.listTopics", "v2:async:sqs.sendMessage",
            "v2:sns.listTopics"};
        ForkedRun plain = app(calls).withoutAgent().run();
        ForkedRun watched = app(calls).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).as(watched.describe()).isEqualTo(plain.stdout())
                .contains("CALL sqs.listQueues -> ok", "CALL sts.getCallerIdentity -> ok");
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), List.of(SECRET));
        List<Map<String, String>> warnings = watched.warnings().stream().map(LogLine::parse)
                .collect(Collectors.toList());
        // v1 SNS and v2 SNS share diagnosis, key and service: the second is rate limited, as for one SDK.
        assertThat(warnings).as(watched.describe()).hasSize(2);
        assertThat(warnings.get(0)).containsEntry("diagnosis", "invalid_credentials").containsEntry("service", "SNS")
                .containsEntry("provider", "AWSStaticCredentialsProvider");
        assertThat(warnings.get(1)).containsEntry("diagnosis", "access_denied").containsEntry("service", "SQS")
                .containsEntry("operation", "SendMessage").containsEntry("provider", "StaticCredentialsProvider");
    }

    private static ForkedJvm app(String... calls) {
        return ForkedJvm.main(V1AndV2App.class).quickStart().sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).args(calls);
    }
}
