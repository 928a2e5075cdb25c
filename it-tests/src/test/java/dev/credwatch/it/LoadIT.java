package dev.credwatch.it;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1LoadApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads × 5,000 SDK v1 calls (80 % success, 10 % ExpiredToken, 10 % Throttling) under -Xmx256m, without
 * the agent, with it, and with it exporting to a healthy local OTLP backend: the same outcome counts, no ERROR
 * line, warnings rate limited, at most 16 MiB more heap after a full GC, and every call's span delivered.
 */
class LoadIT {
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 5_000;
    private static final String KEY = "AKIACREDWATCHLOAD001";
    private static final String EXPIRED_KEY = "AKIACREDWATCHLOADEXP";
    private static final String THROTTLED_KEY = "AKIACREDWATCHLOADTHR";
    private static final String SECRET = "loadTestLongTermSecret/0123456789abcdefghi";
    private static final long HEAP_ALLOWANCE_BYTES = 16L * 1024 * 1024;
    private static FakeAws fake;
    private static ForkedRun plain;

    @BeforeAll
    static void startFakeAwsAndRunWithoutAgent() {
        fake = FakeAws.start();
        for (String key : List.of(KEY, EXPIRED_KEY, THROTTLED_KEY)) {
            fake.addLongTermKey(key, SECRET);
        }
        fake.rejectAs("sqs", EXPIRED_KEY, "ExpiredToken");
        fake.rejectAs("sqs", THROTTLED_KEY, "Throttling");
        plain = load().withoutAgent().run();
        fake.clearRequests();
        assertThat(plain.stdout()).as(plain.describe())
                .contains("LOAD {ExpiredToken=8000, Throttling=8000, ok=64000}");
    }

    @AfterAll
    static void stopFakeAws() {
        fake.close();
    }

    @Test
    void underLoadTheOutcomesAreTheSameTheWarningsRateLimitedAndTheHeapBounded() {
        ForkedRun watched = load().run();
        fake.clearRequests();

        assertSameOutcomes(watched);
        List<Map<String, String>> warnings = watched.warnings().stream().map(LogLine::parse)
                .collect(Collectors.toList());
        assertThat(warnings).as(watched.describe()).isNotEmpty().hasSizeLessThan(50)
                .allSatisfy(warning -> assertThat(warning).containsEntry("key", "AKIA****DEXP"));
        assertThat(warnings).as("later lines say how many were suppressed")
                .anySatisfy(warning -> assertThat(Long.parseLong(warning.getOrDefault("suppressed", "0"))).isPositive());
        assertThat(heapAfterGc(watched)).as("heap after a full GC, against %d bytes without the agent",
                heapAfterGc(plain)).isLessThan(heapAfterGc(plain) + HEAP_ALLOWANCE_BYTES);
        System.out.println("LoadIT: " + rate(plain) + " calls/s without the agent, " + rate(watched) + " with it; heap "
                + heapAfterGc(plain) + " / " + heapAfterGc(watched) + " bytes after GC");
    }

    @Test
    void underLoadAHealthyBackendGetsEveryCallsSpan() {
        try (OtlpReceiver backend = OtlpReceiver.start()) {
            ForkedRun exporting = load().env("OTEL_EXPORTER_OTLP_ENDPOINT", backend.endpoint()).run();
            fake.clearRequests();

            assertSameOutcomes(exporting);
            assertThat(exporting.stderr()).doesNotContain("dropping OpenTelemetry data", "could not deliver");
            assertThat(backend.spans()).as(exporting.describe()).hasSize(THREADS * CALLS_PER_THREAD);
            System.out.println("LoadIT: " + rate(exporting) + " calls/s exporting, " + backend.spans().size()
                    + " spans received");
        }
    }

    private static void assertSameOutcomes(ForkedRun run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout().lines().filter(line -> line.startsWith("LOAD ")))
                .containsExactlyElementsOf(plain.stdout().lines().filter(line -> line.startsWith("LOAD ")).toList());
        assertThat(run.stderr()).doesNotContain("ERROR");
    }

    private static long heapAfterGc(ForkedRun run) {
        return Long.parseLong(value(run, "HEAP used_after_gc_bytes="));
    }

    private static String rate(ForkedRun run) {
        return value(run, "RATE calls_per_second=");
    }

    private static String value(ForkedRun run, String prefix) {
        return run.stdout().lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError(run.describe()));
    }

    private static ForkedJvm load() {
        return ForkedJvm.main(V1LoadApp.class).jvmOption("-Xmx256m").agentArgs("log.repeat=5s")
                .timeout(Duration.ofMinutes(3))
                .sysProp("app.threads", String.valueOf(THREADS)).sysProp("app.calls", String.valueOf(CALLS_PER_THREAD))
                .sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.expiredKey", EXPIRED_KEY).sysProp("app.throttledKey", THROTTLED_KEY)
                .sysProp("app.secretKey", SECRET);
    }
}
