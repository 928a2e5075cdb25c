package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK v2 beside the real OpenTelemetry Java agent, exporting to the local receiver: credwatch's attributes
 * and warning events land on the agent's own v2 span of each call, synchronous and asynchronous (the agent
 * ends that span in its own execution interceptor; an async call ends on a thread where it is not current),
 * with no second AWS span, whichever order the two {@code -javaagent} flags come in.
 */
class OtelJavaAgentV2IT {
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
        fake.addLongTermKey(LONG_TERM_KEY, LONG_TERM_SECRET);
        // SNS refuses the key (SDK v2: InvalidSecurityException), so each run has failing calls too.
        fake.rejectAs("sns", LONG_TERM_KEY, "InvalidSecurity");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    private static ForkedRun runBesideOtelAgent(boolean credwatchFirst, OtlpReceiver receiver) {
        return OtelRuns.besideOtelAgent(OtelRuns.v2(fake.endpoint(), LONG_TERM_KEY, LONG_TERM_SECRET)
                .args("sts.getCallerIdentity", "async:sts.getCallerIdentity", "sns.listTopics",
                        "async:sns.listTopics"), receiver,
                "credwatch-beside-otel-v2", credwatchFirst);
    }

    @ParameterizedTest(name = "credwatch first: {0}")
    @ValueSource(booleans = {true, false})
    void credwatchDecoratesTheAgentsV2SpansSyncAndAsyncAndAddsNone(boolean credwatchFirst) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ForkedRun run = runBesideOtelAgent(credwatchFirst, receiver);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).contains("CALL sts.getCallerIdentity -> ok",
                    "CALL async:sts.getCallerIdentity -> ok", "CALL sns.listTopics -> exception=",
                    "CALL async:sns.listTopics -> exception=");
            List<Span> aws = receiver.spans().stream()
                    .filter(span -> "aws-api".equals(OtlpSpans.attributes(span).get("rpc.system")))
                    .collect(Collectors.toList());
            String all = run.describe() + "\nspans: " + receiver.spans();
            assertThat(aws).as(all).hasSize(4);

            List<Span> sts = withMethod(aws, "GetCallerIdentity");
            assertThat(sts).as(all).hasSize(2).allSatisfy(span -> {
                assertThat(OtlpSpans.attributes(span)).containsEntry("credwatch.credentials.source", "static")
                        .containsEntry("credwatch.credentials.kind", "long_term")
                        .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                        .containsKey("credwatch.clock_skew_s")
                        .doesNotContainKey("credwatch.diagnosis");
                assertThat(span.getEventsList()).noneMatch(event -> event.getName().equals("credwatch.warning"));
            });
            List<Span> sns = withMethod(aws, "ListTopics");
            assertThat(sns).as(all).hasSize(2).allSatisfy(span -> {
                assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
                assertThat(OtlpSpans.attributes(span)).containsEntry("credwatch.diagnosis", "invalid_credentials")
                        .containsEntry("credwatch.credentials.access_key_id", "AKIA****L001")
                        .containsKey("credwatch.hint");
                assertThat(span.getEventsList()).filteredOn(event -> event.getName().equals("credwatch.warning"))
                        .singleElement().satisfies(event -> assertThat(OtlpSpans.attributes(event.getAttributesList()))
                                .containsEntry("credwatch.diagnosis", "invalid_credentials")
                                .containsEntry("credwatch.code", "InvalidSecurity"));
            });
            Set<String> secrets = new HashSet<>(fake.secrets());
            secrets.add(LONG_TERM_SECRET);
            assertThat(OtelRuns.secretsIn(receiver.rawBodies(), secrets)).isEmpty();
            // The log line is rate limited per key and service; the spans are not.
            assertThat(run.warnings()).anyMatch(line -> line.contains("diagnosis=invalid_credentials"));
        }
    }

    private static List<Span> withMethod(List<Span> spans, String method) {
        return spans.stream().filter(span -> method.equals(OtlpSpans.attributes(span).get("rpc.method")))
                .collect(Collectors.toList());
    }
}
