package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_KEY;
import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_SECRET;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_KEY;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside the real OpenTelemetry Java agent, exporting to the local receiver: credwatch's attributes and
 * warning events land on the agent's own AWS SDK span, there is no second AWS span, and the order of the
 * two {@code -javaagent} flags does not matter.
 */
class OtelJavaAgentIT {
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(LONG_TERM_KEY, LONG_TERM_SECRET);
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    private static ForkedRun runBesideOtelAgent(boolean credwatchFirst, OtlpReceiver receiver) {
        return OtelRuns.besideOtelAgent(OtelRuns.v1(V1App.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET)
                .args("sts.getCallerIdentity", "sqs.listQueues"), receiver,
                "credwatch-beside-otel", credwatchFirst);
    }

    @ParameterizedTest(name = "credwatch first: {0}")
    @ValueSource(booleans = {true, false})
    void credwatchDecoratesTheAgentsAwsSpanAndAddsNone(boolean credwatchFirst) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = runBesideOtelAgent(credwatchFirst, receiver);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> exception=");
            List<Span> aws = receiver.spans().stream()
                    .filter(span -> "aws-api".equals(OtlpSpans.attributes(span).get("rpc.system")))
                    .collect(Collectors.toList());
            assertThat(aws).as(run.describe() + "\nspans: " + receiver.spans()).hasSize(2);
            // The agent names it after the client (AWSSecurityTokenService.GetCallerIdentity); the method is stable.
            Span sts = aws.stream().filter(span -> "GetCallerIdentity".equals(OtlpSpans.attributes(span).get("rpc.method")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no STS span in " + aws));
            assertThat(OtlpSpans.attributes(sts)).containsEntry("credwatch.diagnosis", "invalid_credentials")
                    .containsEntry("credwatch.credentials.access_key_id", "AKIA****LBAD")
                    .containsEntry("credwatch.credentials.source", "static");
            assertThat(sts.getEventsList()).anySatisfy(event -> {
                assertThat(event.getName()).isEqualTo("credwatch.warning");
                assertThat(OtlpSpans.attributes(event.getAttributesList()))
                        .containsEntry("credwatch.code", "InvalidClientTokenId");
            });
            Set<String> secrets = new HashSet<>(fake.secrets());
            secrets.add(UNKNOWN_SECRET);
            assertThat(OtelRuns.secretsIn(receiver.rawBodies(), secrets)).isEmpty();
            assertThat(run.warnings()).anyMatch(line -> line.contains("diagnosis=invalid_credentials"));
        }
    }

}
