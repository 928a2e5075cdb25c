package dev.credwatch.it.harness;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs an application without and with the agent and holds the agent to changing nothing but its output. */
public final class AgentComparison {
    private AgentComparison() {
    }

    /**
     * Runs {@code app} (set up by {@code setup}) twice: its stdout (every outcome, exception type, code, status
     * and message) and its own stderr must be identical, and nothing may hold a secret; returns the agent's run.
     */
    public static ForkedRun runWithAndWithoutAgent(Supplier<ForkedJvm> app, UnaryOperator<ForkedJvm> setup,
                                                   Collection<String> secrets) {
        ForkedRun plain = setup.apply(app.get().withoutAgent()).run();
        ForkedRun watched = setup.apply(app.get()).run();

        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        assertThat(watched.stdout()).as(watched.describe()).isEqualTo(plain.stdout());
        assertThat(withoutTimes(watched.applicationStderr())).isEqualTo(withoutTimes(plain.applicationStderr()));
        SecretScan.assertNoSecretIn(watched.stdout() + watched.stderr(), secrets);
        return watched;
    }

    public static List<Map<String, String>> warnings(ForkedRun run) {
        return run.warnings().stream().map(LogLine::parse).collect(Collectors.toList());
    }

    public static Map<String, String> onlyWarning(ForkedRun run) {
        List<Map<String, String>> warnings = warnings(run);
        assertThat(warnings).as(run.describe()).hasSize(1);
        return warnings.get(0);
    }

    /** SDK v1 logs through java.util.logging, whose lines start with the time of day. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\d{1,2}:\\d{2}:\\d{2} [AP]M", "<time>").strip();
    }
}
