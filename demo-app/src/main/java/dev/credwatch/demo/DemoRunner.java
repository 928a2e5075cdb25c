package dev.credwatch.demo;

import dev.credwatch.demo.fakeaws.FakeAws;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tells the story: starts the fake AWS, and for each scenario prints what the application does,
 * switches the fault on, runs the call (here or in a child JVM), prints what the application saw,
 * and undoes the fault. Ends with a summary table.
 */
final class DemoRunner {
    private static final String INDENT = "      ";

    private record Result(Scenario scenario, Outcome outcome) {
        boolean asPlanned() {
            return outcome.matches(scenario.expected().seen());
        }
    }

    private final PrintStream out;
    private final boolean agentAttached;

    DemoRunner(PrintStream out, boolean agentAttached) {
        this.out = out;
        this.agentAttached = agentAttached;
    }

    /** Returns the exit code: 0 when every scenario went as planned. */
    int run(List<Scenario> scenarios, Path secretsFile) throws IOException {
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        try (FakeAws fake = startFake()) {
            introduce(scenarios, fake);
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                out.println("[" + (i + 1) + "/" + scenarios.size() + "] " + scenario.name() + " (SDK "
                        + scenario.sdk() + "): " + scenario.story());
                out.flush();
                results.add(new Result(scenario, play(scenario, fake)));
                out.println(INDENT + "the application saw: " + results.get(i).outcome().describe());
                out.println();
                out.flush();
            }
            summarize(results, (System.nanoTime() - start) / 1_000_000_000.0);
            if (secretsFile != null) {
                writeSecrets(fake, secretsFile);
            }
        }
        return results.stream().allMatch(Result::asPlanned) ? 0 : 1;
    }

    private static FakeAws startFake() {
        FakeAws fake = FakeAws.start();
        fake.addLongTermKey(DemoKeys.APP_KEY_ID, DemoKeys.APP_SECRET);
        fake.addLongTermKey(DemoKeys.ENV_KEY_ID, DemoKeys.ENV_SECRET);
        fake.addLongTermKey(DemoKeys.V2_APP_KEY_ID, DemoKeys.V2_APP_SECRET);
        fake.placeBucket(Scenarios.EU_BUCKET, Scenarios.EU_REGION);
        fake.putObject(Scenarios.EU_BUCKET, "report.csv", "region,orders\neu-west-1,42\n");
        return fake;
    }

    private void introduce(List<Scenario> scenarios, FakeAws fake) {
        out.println("credwatch demo: " + scenarios.size() + " scenario" + (scenarios.size() == 1 ? "" : "s")
                + " of AWS SDK for Java applications (" + perSdk(scenarios) + ") against a fake AWS on "
                + fake.endpoint() + " (nothing leaves this machine; all keys are fake).");
        out.println(agentAttached
                ? "credwatch is attached: after each scenario's line, its [credwatch] line follows on stderr."
                : "credwatch is NOT attached: no [credwatch] lines are expected. To see them, run "
                        + "java -javaagent:agent/target/credwatch-agent.jar -jar demo-app/target/credwatch-demo.jar");
        out.println();
        out.flush();
    }

    private static Outcome play(Scenario scenario, FakeAws fake) {
        scenario.fault().arrange(fake);
        try {
            return scenario.child() == null
                    ? Outcome.run(scenario.call(), new DemoContext(fake.endpoint()))
                    : ChildJvm.run(scenario, fake);
        } finally {
            fake.reset();
            V1Calls.forgetClockCorrection();
            V2Calls.forgetClockCorrection();
        }
    }

    /** {@code 14 with SDK v1, 9 with SDK v2}. */
    private static String perSdk(List<Scenario> scenarios) {
        Map<String, Long> counts = scenarios.stream()
                .collect(Collectors.groupingBy(Scenario::sdk, TreeMap::new, Collectors.counting()));
        List<String> parts = new ArrayList<>();
        counts.forEach((sdk, count) -> parts.add(count + " with SDK " + sdk));
        return String.join(", ", parts);
    }

    private void summarize(List<Result> results, double seconds) {
        String third = agentAttached ? "credwatch should have printed" : "credwatch would print (when attached)";
        int nameWidth = "scenario".length();
        int seenWidth = "the application saw".length();
        for (Result r : results) {
            nameWidth = Math.max(nameWidth, r.scenario().name().length());
            seenWidth = Math.max(seenWidth, seen(r).length());
        }
        String format = "  %-" + nameWidth + "s  %-" + seenWidth + "s  %s%n";
        out.printf("Summary: %d scenario%s in %.1f s%n", results.size(), results.size() == 1 ? "" : "s", seconds);
        out.printf(format, "scenario", "the application saw", third);
        for (Result r : results) {
            out.printf(format, r.scenario().name(), seen(r), r.scenario().expected().line());
        }
        Set<String> categories = new TreeSet<>();
        results.forEach(r -> {
            if (r.scenario().expected().diagnosis() != null) {
                categories.add(r.scenario().expected().diagnosis());
            }
        });
        out.println();
        if (agentAttached) {
            out.println("Diagnoses shown: " + String.join(", ", categories) + ".");
            out.println("Each [credwatch] WARN line names the cause (diagnosis), the credentials in use (source, "
                    + "provider, kind, masked key, expires_at) and a hint to act on.");
        } else {
            out.println("credwatch was not attached, so no [credwatch] lines were expected.");
        }
        long unexpected = results.stream().filter(r -> !r.asPlanned()).count();
        if (unexpected > 0) {
            out.println(unexpected + " scenario" + (unexpected == 1 ? "" : "s")
                    + " did not go as planned (marked above): the fake AWS or the SDK behaved differently.");
        }
        out.flush();
    }

    private static String seen(Result result) {
        String brief = result.outcome().brief();
        return result.asPlanned() ? brief : brief + " (expected " + result.scenario().expected().seen() + "!)";
    }

    /** For tests: every secret the fake knows, issued ones included, so that the output can be scanned for them. */
    private static void writeSecrets(FakeAws fake, Path file) throws IOException {
        Set<String> secrets = new TreeSet<>(fake.secrets());
        secrets.addAll(DemoKeys.secrets());
        Files.write(file, secrets, StandardCharsets.UTF_8);
    }
}
