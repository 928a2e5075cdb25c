package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.TimedV1Calls;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.OtlpReceiver.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
 * A backend that is down, hangs, is slow (5 s a request), answers 500, 429 with Retry-After, or garbage must
 * not delay the application's calls (export runs on credwatch's own thread), must not hold the exiting JVM
 * for more than a second longer than without export, and costs the operator one line about the loss plus
 * the total at exit. Call bounds are generous on purpose: a call held by the exporter would take its whole
 * 10-second timeout.
 */
class OtlpBackendFailureIT {
    private static final int CALLS = 12;
    private static final long GENEROUS_MILLIS = 5000;
    private static final long EXIT_ALLOWANCE_MILLIS = 1000;
    private static FakeAws fake;
    private static long exitMillisWithoutExport;
    private static long callMillisWithoutExport;

    @BeforeAll
    static void startFakeAwsAndMeasureWithoutExport() {
        fake = FakeAws.start();
        Exited plain = run(app().agentArgs("otel=off"));
        exitMillisWithoutExport = plain.exitMillis;
        callMillisWithoutExport = callMillis(plain.run).stream().mapToLong(Long::longValue).sum();
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void aBackendThatIsDownDelaysNothingAndIsReportedOnce() {
        Exited exited = run(app().env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort()));

        assertNothingDelayed(exited);
        assertLossReportedOnce(exited.run);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aFailingBackendDelaysNothing(Fault fault) {
        try (OtlpReceiver backend = OtlpReceiver.failing(fault)) {
            Exited exited = run(app().env("OTEL_EXPORTER_OTLP_ENDPOINT", backend.endpoint()));

            assertNothingDelayed(exited);
            assertThat(backend.requestCount()).as("the export reached the backend").isPositive();
            // Every call is diagnosed: its warning's log record is sent at exit too, within the same bound.
            assertThat(backend.requestPaths()).as("paths").contains("/v1/traces", "/v1/logs");
            if (fault != Fault.GARBAGE) {
                // A 200 with an HTML body is a success to an OTLP exporter: the spans did arrive.
                assertLossReportedOnce(exited.run);
            }
        }
    }

    private static void assertNothingDelayed(Exited exited) {
        ForkedRun run = exited.run;
        System.out.printf("OtlpBackendFailureIT: exit %d ms after main (%d ms without export), calls %s ms%n",
                exited.exitMillis, exitMillisWithoutExport, callMillis(run));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<Long> millis = callMillis(run);
        assertThat(millis).as(run.describe()).hasSize(CALLS);
        // The first call pays for class loading in any case; none waits for the exporter's timeout.
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(GENEROUS_MILLIS));
        assertThat(millis.stream().mapToLong(Long::longValue).sum())
                .isLessThan(3 * callMillisWithoutExport + GENEROUS_MILLIS);
        assertThat(exited.exitMillis).as("exit after main ended, against %d ms without export; %s",
                exitMillisWithoutExport, run.describe()).isLessThan(exitMillisWithoutExport + EXIT_ALLOWANCE_MILLIS);
        assertThat(run.stderr()).doesNotContain("ERROR");
    }

    private static void assertLossReportedOnce(ForkedRun run) {
        assertThat(run.agentLines()).as(run.describe())
                .filteredOn(line -> line.contains("dropping OpenTelemetry data")).hasSize(1);
        assertThat(run.agentLines()).filteredOn(line -> line.contains("could not deliver all its OpenTelemetry data"))
                .hasSize(1);
    }

    /** A run and how long the JVM took to exit after the application's main returned. */
    private record Exited(ForkedRun run, long exitMillis) {
    }

    private static Exited run(ForkedJvm jvm) {
        ForkedRun run = jvm.run();
        long exited = System.currentTimeMillis();
        long mainEnded = run.stdout().lines().filter(line -> line.startsWith("MAIN ENDED "))
                .mapToLong(line -> Long.parseLong(line.substring("MAIN ENDED ".length()))).findFirst()
                .orElseThrow(() -> new AssertionError(run.describe()));
        return new Exited(run, exited - mainEnded);
    }

    private static ForkedJvm app() {
        // Failing calls: every one is diagnosed and exported, the heaviest path through the reporter.
        String[] calls = new String[CALLS];
        Arrays.fill(calls, "sts.getCallerIdentity");
        return OtelRuns.v1(TimedV1Calls.class, fake.endpoint(), UNKNOWN_KEY, UNKNOWN_SECRET).quickStart().args(calls);
    }

    private static List<Long> callMillis(ForkedRun run) {
        return run.stdout().lines().filter(line -> line.startsWith("TIMED "))
                .map(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).collect(Collectors.toList());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
