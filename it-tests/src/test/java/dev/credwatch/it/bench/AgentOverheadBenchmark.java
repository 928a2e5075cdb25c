package dev.credwatch.it.bench;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1BenchApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.otel.OtelRuns;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what the agent costs an SDK v1 application (DESIGN.md "Budgets"): start-up to the first call,
 * time and allocation per successful call on loopback, peak RSS, jar size; side by side with the
 * OpenTelemetry Java agent alone and with both agents (its exporters off, so it costs only its
 * instrumentation). Run with
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
            Map<Agents, List<Map<String, Double>>> runs = new EnumMap<>(Agents.class);
            for (int round = 0; round < ROUNDS; round++) {
                // Interleaved, so drift in the machine's load hits every column alike.
                for (Agents agents : Agents.values()) {
                    runs.computeIfAbsent(agents, a -> new ArrayList<>()).add(measure(fake, agents));
                }
            }
            System.out.println("benchmark: " + ROUNDS + " rounds, medians, Java " + System.getProperty("java.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            for (String key : List.of("first_call_ms", "call_us", "alloc_bytes_per_call", "peak_rss_kb")) {
                double without = median(runs.get(Agents.NONE), key);
                StringBuilder line = new StringBuilder(String.format("benchmark: %-22s", key));
                for (Agents agents : Agents.values()) {
                    double value = median(runs.get(agents), key);
                    line.append(String.format(" %s=%.1f", agents.label, value));
                    if (agents != Agents.NONE) {
                        line.append(String.format(" (x%.3f)", value / without));
                    }
                }
                System.out.println(line);
            }
            System.out.printf("benchmark: %-22s %d bytes%n", "agent_jar", Files.size(ForkedJvm.agentJar()));
        }
    }

    private enum Agents {
        NONE("without"), CREDWATCH("credwatch"), OTEL("otel_agent"), BOTH("otel_agent+credwatch");

        final String label;

        Agents(String label) {
            this.label = label;
        }
    }

    private static Map<String, Double> measure(FakeAws fake, Agents agents) {
        ForkedJvm jvm = ForkedJvm.main(V1BenchApp.class).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).timeout(Duration.ofMinutes(3))
                // A fixed, pre-touched heap: peak RSS then differs only by what lives outside the heap
                // (classes, code, threads), which is what an agent adds; heap sizing noise drops out.
                .jvmOption("-Xms256m").jvmOption("-Xmx256m").jvmOption("-XX:+AlwaysPreTouch");
        if (agents == Agents.NONE || agents == Agents.OTEL) {
            jvm.withoutAgent();
        }
        if (agents == Agents.OTEL || agents == Agents.BOTH) {
            jvm.jvmOption("-javaagent:" + OtelRuns.otelAgent()).env("OTEL_TRACES_EXPORTER", "none")
                    .env("OTEL_METRICS_EXPORTER", "none").env("OTEL_LOGS_EXPORTER", "none");
        }
        ForkedRun run = jvm.run();
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
