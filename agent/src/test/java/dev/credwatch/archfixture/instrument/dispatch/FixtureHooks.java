package dev.credwatch.archfixture.instrument.dispatch;

import dev.credwatch.archfixture.log.FixtureLog;

/** Breaks the dispatch rule on purpose, for AgentArchitectureTest: a boot class path class using the agent. */
public final class FixtureHooks {
    private FixtureHooks() {
    }

    public static String describe() {
        return FixtureLog.describe();
    }
}
