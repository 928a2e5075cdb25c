package dev.credwatch.it.bench;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1LoadApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The load test as a longer soak: 16 threads × {@code bench.soak.calls} SDK v1 calls (80 % ok, 10 % ExpiredToken,
 * 10 % Throttling) under -Xmx256m, without the agent, with it, and with it exporting to a healthy local OTLP
 * backend, interleaved over {@code bench.soak.rounds}. Prints the median call rate, the calls' p50 and p99
 * latency and the heap after a full GC for each, and what the agent adds. It asserts nothing: figures go to
 * the README's "Reliability" section with the date and the machine.
 */
class LoadSoakBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.soak.rounds", 3);
    private static final int CALLS = Integer.getInteger("bench.soak.calls", 10_000);
    private static final String KEY = "AKIACREDWATCHSOAK001";
    private static final String SECRET = "soakLongTermSecret/0123456789abcdefghijklm";

    private enum Setup {
        WITHOUT("without"), CREDWATCH("credwatch"), EXPORTING("credwatch+otlp");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    @Test
    void printsLatencyAndHeapUnderLoad() {
        try (FakeAws fake = FakeAws.start(); OtlpReceiver backend = OtlpReceiver.start()) {
            for (String key : List.of(KEY, "AKIACREDWATCHSOAKEXP", "AKIACREDWATCHSOAKTHR")) {
                fake.addLongTermKey(key, SECRET);
            }
            fake.rejectAs("sqs", "AKIACREDWATCHSOAKEXP", "ExpiredToken");
            fake.rejectAs("sqs", "AKIACREDWATCHSOAKTHR", "Throttling");
            Map<Setup, List<Map<String, Long>>> runs = new EnumMap<>(Setup.class);
            for (int round = 0; round < ROUNDS; round++) {
                for (Setup setup : Setup.values()) {
                    runs.computeIfAbsent(setup, s -> new ArrayList<>()).add(measure(fake, backend, setup));
                    fake.clearRequests();
                }
            }
            System.out.printf("%nLoad soak: 16 threads x %d calls, -Xmx256m, medians of %d interleaved rounds%n",
                    CALLS, ROUNDS);
            System.out.printf("%-16s %12s %8s %8s %14s%n", "", "calls_per_s", "p50_us", "p99_us", "heap_after_gc");
            for (Setup setup : Setup.values()) {
                List<Map<String, Long>> figures = runs.get(setup);
                System.out.printf("%-16s %12d %8d %8d %14d%n", setup.label, median(figures, "calls_per_second"),
                        median(figures, "p50_us"), median(figures, "p99_us"), median(figures, "used_after_gc_bytes"));
            }
            System.out.printf("spans received by the OTLP backend: %d of %d calls exported%n",
                    backend.spans().size(), (long) ROUNDS * 16 * CALLS);
        }
    }

    private static Map<String, Long> measure(FakeAws fake, OtlpReceiver backend, Setup setup) {
        ForkedJvm jvm = ForkedJvm.main(V1LoadApp.class).jvmOption("-Xmx256m").timeout(Duration.ofMinutes(10))
                .agentArgs("log.repeat=1m").sysProp("app.threads", "16").sysProp("app.calls", String.valueOf(CALLS))
                .sysProp("app.endpoint", fake.endpoint()).sysProp("app.accessKey", KEY)
                .sysProp("app.expiredKey", "AKIACREDWATCHSOAKEXP").sysProp("app.throttledKey", "AKIACREDWATCHSOAKTHR")
                .sysProp("app.secretKey", SECRET);
        if (setup == Setup.WITHOUT) {
            jvm.withoutAgent();
        } else if (setup == Setup.EXPORTING) {
            jvm.env("OTEL_EXPORTER_OTLP_ENDPOINT", backend.endpoint());
        }
        ForkedRun run = jvm.run();
        run.agentLines().stream().filter(line -> line.contains("OpenTelemetry data"))
                .forEach(line -> System.out.println(setup.label + ": " + line));
        Map<String, Long> figures = new java.util.HashMap<>();
        run.stdout().lines().filter(line -> line.startsWith("RATE ") || line.startsWith("LATENCY ")
                || line.startsWith("HEAP ")).flatMap(line -> java.util.Arrays.stream(line.substring(line.indexOf(' ') + 1)
                .split(" "))).forEach(pair -> figures.put(pair.split("=")[0], Long.parseLong(pair.split("=")[1])));
        if (figures.size() < 4) {
            throw new AssertionError(run.describe());
        }
        return figures;
    }

    private static long median(List<Map<String, Long>> runs, String key) {
        long[] values = runs.stream().mapToLong(run -> run.get(key)).sorted().toArray();
        return values[values.length / 2];
    }
}
