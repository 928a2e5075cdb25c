package dev.credwatch.it.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What a forked JVM printed, and how it ended. */
public record ForkedRun(int exitCode, String stdout, String stderr, Duration duration) {

    /** The agent's own lines ({@code [credwatch] …}, or JSON objects from credwatch) on stderr. */
    public List<String> agentLines() {
        return Arrays.stream(stderr.split("\\R"))
                .filter(line -> line.startsWith("[credwatch]") || line.startsWith("{\"level\"")
                        || line.contains("\"logger\":\"credwatch\""))
                .collect(Collectors.toList());
    }

    /** The agent's WARN lines: one per diagnosis. */
    public List<String> warnings() {
        return agentLines().stream().filter(line -> line.contains("WARN")).collect(Collectors.toList());
    }

    /** Stderr without the agent's lines: what the application itself wrote. */
    public String applicationStderr() {
        List<String> agent = agentLines();
        return Arrays.stream(stderr.split("\\R")).filter(line -> !agent.contains(line))
                .collect(Collectors.joining("\n"));
    }

    public String describe() {
        return "exit=" + exitCode + " after " + duration.toMillis() + " ms\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
