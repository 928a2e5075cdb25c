package dev.credwatch.agent.bootstrap;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;

/**
 * Runs {@link HotPathBenchmark} under JMH with its allocation profiler and prints ns/op and B/op. Not a test: its
 * name is outside surefire's default patterns, so it runs only when asked for
 * ({@code mvn -B -pl agent test -Dtest=HotPathBenchmarkRun}); it prints figures and asserts nothing.
 */
class HotPathBenchmarkRun {
    @Test
    void printsNanosecondsAndBytesPerCall() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(HotPathBenchmark.class.getName())
                .addProfiler(GCProfiler.class).shouldFailOnError(true).build()).run();
        System.out.println("HotPathBenchmark (observation -> diagnosis -> log, inventory and OpenTelemetry reporters)");
        System.out.printf("%-14s %12s %10s %12s%n", "benchmark", "ns/op", "+-", "B/op");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double bytes = result.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
            System.out.printf("%-14s %12.1f %10.1f %12.1f%n", name, result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(), bytes);
        }
    }
}
