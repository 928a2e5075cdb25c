package dev.credwatch.it.bench;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.apps.V1BenchApp;
import dev.credwatch.it.apps.V2BenchApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
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
 * Prints what the agent costs an application (DESIGN.md "Budgets"), on SDK v1, v2 sync and v2 async: alone,
 * exporting every call's span to a local OTLP receiver, the OpenTelemetry Java agent alone and both agents (its
 * exporters off, so it costs only its instrumentation), all interleaved in one run. Start-up: a process that makes its first call and exits,
 * timed from outside (wall from spawn to exit, CPU of the whole process as the kernel accounts it), with the
 * default heap, its peak RSS read at its end. Per call: a second process, warm, with a fixed pre-touched
 * heap so that heap sizing noise drops out, after 40,000 warm-up calls. Run with {@code mvn -B verify
 * -Pbench}; it asserts nothing (figures go to the README with date and machine).
 */
class AgentOverheadBenchmark {
    /** Start-up rounds: cheap, and the start-up ratios are the closest to their budget, so they get the most. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    /** Per-call processes take ten times as long as start-up ones: their medians come from the first rounds. */
    private static final int CALL_ROUNDS = Math.min(ROUNDS, Integer.getInteger("bench.callRounds", 3));
    /**
     * Warm-up calls before the per-call figures. Code run once per call reaches C2 after about 15,000 calls, then
     * waits in its compile queue (long on 2 cores, with the SDK's own code in it): after 2,000 and 15,000 calls
     * credwatch's call path still ran C1's profiling code, which a long-running application never measures.
     */
    private static final String WARMUP_CALLS = "40000";
    private static final String MEASURED_CALLS = "5000";
    private static final String KEY = "AKIACREDWATCHBENCH01";
    private static final String SECRET = "benchSecret/0123456789abcdefghijklmnopqrs";
    private static final List<String> STARTUP = List.of("startup_wall_ms", "startup_cpu_ms", "first_call_ms",
            "startup_peak_rss_kb");
    private static final List<String> PER_CALL = List.of("call_us", "thread_cpu_us", "process_cpu_us",
            "alloc_bytes_per_call", "process_alloc_bytes_per_call");

    @Test
    void printsTheAgentsCost() throws Exception {
        try (FakeAws fake = FakeAws.start()) {
            fake.addLongTermKey(KEY, SECRET);
            Map<Sdk, Map<Agents, List<Map<String, Double>>>> runs = new EnumMap<>(Sdk.class);
            for (int round = 0; round < ROUNDS; round++) {
                // Interleaved, so drift in the machine's load hits every column alike.
                for (Sdk sdk : Sdk.values()) {
                    for (Agents agents : Agents.values()) {
                        Map<String, Double> figures = startup(fake, sdk, agents);
                        if (round < CALL_ROUNDS) {
                            figures.putAll(perCall(fake, sdk, agents));
                        }
                        runs.computeIfAbsent(sdk, s -> new EnumMap<>(Agents.class))
                                .computeIfAbsent(agents, a -> new ArrayList<>()).add(figures);
                    }
                }
            }
            System.out.println("benchmark: " + ROUNDS + " start-up rounds, " + CALL_ROUNDS + " per-call rounds of "
                    + WARMUP_CALLS + " warm-up and " + MEASURED_CALLS + " measured calls; medians, ratios the median of each"
                    + " round's own, Java " + System.getProperty("java.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            for (Sdk sdk : Sdk.values()) {
                for (String key : concat(STARTUP, PER_CALL)) {
                    System.out.println(line(sdk, key, runs.get(sdk)));
                }
            }
            System.out.printf("benchmark: %-32s %d bytes%n", "agent_jar", Files.size(ForkedJvm.agentJar()));
        }
    }

    enum Sdk {
        V1("v1", V1BenchApp.class, false), V2_SYNC("v2_sync", V2BenchApp.class, false),
        V2_ASYNC("v2_async", V2BenchApp.class, true);

        final String label;
        final Class<?> app;
        final boolean async;

        Sdk(String label, Class<?> app, boolean async) {
            this.label = label;
            this.app = app;
            this.async = async;
        }
    }

    enum Agents {
        NONE("without"), CREDWATCH("credwatch"), EXPORTING("credwatch_otlp"), OTEL("otel_agent"),
        BOTH("otel_agent+credwatch");

        final String label;

        Agents(String label) {
            this.label = label;
        }
    }

    private static Map<String, Double> startup(FakeAws fake, Sdk sdk, Agents agents) {
        long cpuBefore;
        long start;
        ForkedRun run;
        try (OtlpReceiver backend = agents == Agents.EXPORTING ? OtlpReceiver.start() : null) {
            ForkedJvm jvm = jvm(fake, sdk, agents, backend).sysProp("app.calls", "0");
            cpuBefore = ChildCpu.millis();
            start = System.nanoTime();
            run = jvm.run();
        }
        double wall = (System.nanoTime() - start) / 1e6;
        Map<String, Double> inside = figures(run);
        Map<String, Double> figures = new HashMap<>();
        figures.put("startup_wall_ms", wall);
        figures.put("startup_cpu_ms", (double) (ChildCpu.millis() - cpuBefore));
        figures.put("first_call_ms", inside.get("first_call_ms"));
        figures.put("startup_peak_rss_kb", inside.get("peak_rss_kb"));
        return figures;
    }

    private static Map<String, Double> perCall(FakeAws fake, Sdk sdk, Agents agents) {
        try (OtlpReceiver backend = agents == Agents.EXPORTING ? OtlpReceiver.start() : null) {
            // A fixed, pre-touched heap: RSS and timing then differ only by what the agents add.
            Map<String, Double> inside = figures(jvm(fake, sdk, agents, backend).jvmOption("-Xms256m")
                    .jvmOption("-Xmx256m").jvmOption("-XX:+AlwaysPreTouch").sysProp("app.warmup", WARMUP_CALLS)
                    .sysProp("app.calls", MEASURED_CALLS).run());
            Map<String, Double> figures = new HashMap<>();
            PER_CALL.forEach(key -> figures.put(key, inside.get(key)));
            if (backend != null) {
                System.out.printf("benchmark: %s exported %d spans of %d calls%n", sdk.label, backend.spans().size(),
                        1 + Integer.parseInt(WARMUP_CALLS) + Integer.parseInt(MEASURED_CALLS));
            }
            return figures;
        }
    }

    private static ForkedJvm jvm(FakeAws fake, Sdk sdk, Agents agents, OtlpReceiver backend) {
        ForkedJvm jvm = ForkedJvm.main(sdk.app).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET)
                .sysProp("app.async", String.valueOf(sdk.async)).timeout(Duration.ofMinutes(3));
        if (agents == Agents.NONE || agents == Agents.OTEL) {
            jvm.withoutAgent();
        }
        if (backend != null) {
            jvm.env("OTEL_EXPORTER_OTLP_ENDPOINT", backend.endpoint());
        }
        if (agents == Agents.OTEL || agents == Agents.BOTH) {
            jvm.jvmOption("-javaagent:" + OtelRuns.otelAgent()).env("OTEL_TRACES_EXPORTER", "none")
                    .env("OTEL_METRICS_EXPORTER", "none").env("OTEL_LOGS_EXPORTER", "none");
        }
        return jvm;
    }

    private static Map<String, Double> figures(ForkedRun run) {
        String line = Arrays.stream(run.stdout().split("\\R")).filter(l -> l.startsWith("first_call_ms="))
                .findFirst().orElseThrow(() -> new AssertionError(run.describe()));
        Map<String, Double> figures = new HashMap<>();
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            figures.put(kv[0], Double.parseDouble(kv[1]));
        }
        return figures;
    }

    /** One figure of one SDK, for every set-up: the median, and its ratios ({@link PairedFigures}). */
    private static String line(Sdk sdk, String key, Map<Agents, List<Map<String, Double>>> runs) {
        StringBuilder line = new StringBuilder(String.format("benchmark: %-8s %-22s", sdk.label, key));
        PairedFigures without = new PairedFigures(runs.get(Agents.NONE), key);
        for (Agents agents : Agents.values()) {
            PairedFigures figures = new PairedFigures(runs.get(agents), key);
            line.append(String.format(" %s=%.1f", agents.label, figures.median()));
            if (agents != Agents.NONE) {
                line.append(String.format(" (x%.3f", figures.ratioTo(without)));
                if (agents == Agents.BOTH) {
                    line.append(String.format(", x%.3f of otel_agent",
                            figures.ratioTo(new PairedFigures(runs.get(Agents.OTEL), key))));
                }
                line.append(')');
            }
        }
        return line.toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
