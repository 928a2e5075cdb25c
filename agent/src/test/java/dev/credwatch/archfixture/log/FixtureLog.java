package dev.credwatch.archfixture.log;

import dev.credwatch.archfixture.report.FixtureReporter;

/** Breaks the layering on purpose, for AgentArchitectureTest: the bottom layer reaching back up into report. */
public final class FixtureLog {
    private FixtureLog() {
    }

    public static String describe() {
        return FixtureReporter.class.getSimpleName();
    }
}
