package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.log.AgentLog;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns one instrumentation off after its first failure: an SDK version that credwatch reads wrongly
 * must cost one log line, never an exception in the application or a line per call.
 */
public final class InstrumentationGuard {
    private final String name;
    private final AtomicBoolean off = new AtomicBoolean();

    public InstrumentationGuard(String name) {
        this.name = name;
    }

    public boolean isOff() {
        return off.get();
    }

    public void turnOff(Throwable cause) {
        if (!off.compareAndSet(false, true)) {
            return;
        }
        AgentLog.error("credwatch turned its " + name + " instrumentation off after an internal error: " + cause
                + "; the application is not affected, but its " + name + " calls are no longer diagnosed");
    }
}
