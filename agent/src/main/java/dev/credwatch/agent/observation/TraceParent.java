package dev.credwatch.agent.observation;

/**
 * The OpenTelemetry span that was current in the application when an SDK call started, as plain
 * strings: the application's (or the OpenTelemetry Java agent's) context classes live in other class
 * loaders, and credwatch's own OpenTelemetry copy is shaded, so only ids can cross.
 */
public final class TraceParent {
    private final String traceId;
    private final String spanId;
    private final boolean sampled;

    public TraceParent(String traceId, String spanId, boolean sampled) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.sampled = sampled;
    }

    /** 32 lower-case hex characters. */
    public String traceId() {
        return traceId;
    }

    /** 16 lower-case hex characters. */
    public String spanId() {
        return spanId;
    }

    public boolean sampled() {
        return sampled;
    }

    @Override
    public String toString() {
        return traceId + '/' + spanId + (sampled ? "/sampled" : "/unsampled");
    }
}
