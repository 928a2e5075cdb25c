package dev.credwatch.it.bench;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1BenchApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what the agent costs an SDK v1 application (DESIGN.md "Budgets"): start-up to the first call,
 * time and allocation per successful call on loopback, peak RSS, jar size. Run with
 * {@code mvn -B verify -Pbench}; it asserts nothing (figures go to the README with date and machine).
 */
class AgentOverheadBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String KEY = "AKIACREDWATCHBENCH01";
    private static final String SECRET = "benchSecret/0123456789abcdefghijklmnopqrs";

    @Test
    void printsTheAgentsCost() throws Exception {
        try (FakeAws fake = FakeAws.start()) {
            fake.addLongTermKey(KEY, SECRET);
            List<Map<String, Double>> plain = new ArrayList<>();
            List<Map<String, Double>> watched = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Interleaved, so drift in the machine's load hits both sides alike.
                plain.add(measure(fake, false));
                watched.add(measure(fake, true));
            }
            System.out.println("benchmark: " + ROUNDS + " rounds, medians, Java " + System.getProperty("java.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            for (String key : List.of("first_call_ms", "call_us", "alloc_bytes_per_call", "peak_rss_kb")) {
                double without = median(plain, key);
                double with = median(watched, key);
                System.out.printf("benchmark: %-22s without=%10.1f with=%10.1f ratio=%.3f delta=%.1f%n", key, without,
                        with, with / without, with - without);
            }
            System.out.printf("benchmark: %-22s %d bytes%n", "agent_jar", Files.size(ForkedJvm.agentJar()));
        }
    }

    private static Map<String, Double> measure(FakeAws fake, boolean withAgent) {
        ForkedJvm jvm = ForkedJvm.main(V1BenchApp.class).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).timeout(Duration.ofMinutes(3))
                // A fixed, pre-touched heap: peak RSS then differs only by what lives outside the heap
                // (classes, code, threads), which is what an agent adds; heap sizing noise drops out.
                .jvmOption("-Xms256m").jvmOption("-Xmx256m").jvmOption("-XX:+AlwaysPreTouch");
        ForkedRun run = (withAgent ? jvm : jvm.withoutAgent()).run();
        Map<String, Double> figures = new HashMap<>();
        String line = Arrays.stream(run.stdout().split("\\R")).filter(l -> l.startsWith("first_call_ms="))
                .findFirst().orElseThrow(() -> new AssertionError(run.describe()));
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            figures.put(kv[0], Double.parseDouble(kv[1]));
        }
        return figures;
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        double[] values = runs.stream().mapToDouble(run -> run.get(key)).sorted().toArray();
        return values[values.length / 2];
    }
}
