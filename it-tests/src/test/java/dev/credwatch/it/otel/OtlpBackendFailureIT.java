package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.TimedV1Calls;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_KEY;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that is down (connection refused) or hangs (accepts, never answers) must not delay the
 * application's calls: export runs on credwatch's own thread. The bounds are generous on purpose: a
 * call held by the exporter would take its whole 10-second timeout.
 */
class OtlpBackendFailureIT {
    private static final int CALLS = 12;
    private static final long GENEROUS_MILLIS = 5000;
    private static FakeAws fake;

    @BeforeAll
    static void startFakeAws() {
        fake = FakeAws.start();
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    private static String[] calls() {
        String[] calls = new String[CALLS];
        Arrays.fill(calls, "sts.getCallerIdentity");
        return calls;
    }

    private static ForkedJvm app() {
        // Failing calls: every one is diagnosed and exported, the heaviest path through the reporter.
        return OtelRuns.v1(TimedV1Calls.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET).args(calls());
    }

    private static List<Long> callMillis(ForkedRun run) {
        return run.stdout().lines().filter(line -> line.startsWith("TIMED "))
                .map(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).collect(Collectors.toList());
    }

    private static void assertNotDelayed(ForkedRun run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<Long> millis = callMillis(run);
        assertThat(millis).as(run.describe()).hasSize(CALLS);
        // The first call pays for class loading in any case; none waits for the exporter's timeout.
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(GENEROUS_MILLIS));
        long baseline = callMillis(app().agentArgs("otel=off").run()).stream().mapToLong(Long::longValue).sum();
        assertThat(millis.stream().mapToLong(Long::longValue).sum()).isLessThan(3 * baseline + GENEROUS_MILLIS);
    }

    @Test
    void aBackendThatIsDownDelaysNoCallAndIsReportedOnce() {
        ForkedRun run = app().env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort()).run();

        assertNotDelayed(run);
        List<String> dropping = run.agentLines().stream().filter(line -> line.contains("dropping OpenTelemetry data"))
                .collect(Collectors.toList());
        assertThat(dropping).as(run.describe()).hasSize(1);
        assertThat(run.agentLines()).anyMatch(line -> line.contains("could not deliver all its OpenTelemetry data"));
    }

    @Test
    void aBackendThatHangsDelaysNoCallNorTheExitForLong() {
        try (OtlpReceiver hanging = OtlpReceiver.hanging()) {
            ForkedRun run = app().env("OTEL_EXPORTER_OTLP_ENDPOINT", hanging.endpoint()).run();

            assertNotDelayed(run);
            assertThat(hanging.requestCount()).isPositive();
            assertThat(run.agentLines()).filteredOn(line -> line.contains("dropping OpenTelemetry data")).hasSize(1);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
