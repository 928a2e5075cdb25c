package dev.credwatch.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The advice for one SDK type, named after that type. Listed once, in {@link Instrumentations}: the class
 * filter reads {@link #typeName()} at start-up, the Byte Buddy transformer calls {@link #addTo} once an SDK
 * is in use.
 */
public interface TypeInstrumentation {
    /** The instrumented type's binary name, e.g. {@code com.amazonaws.http.AmazonHttpClient$RequestExecutor}. */
    String typeName();

    /** Adds this type's advice, referenced by class name so that no advice class loads before it applies. */
    AgentBuilder addTo(AgentBuilder builder);
}
