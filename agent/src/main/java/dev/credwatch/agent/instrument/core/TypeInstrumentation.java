package dev.credwatch.agent.instrument.core;

import java.util.List;

/**
 * The advice for one SDK type, named after that type. Listed once, in {@code instrument.Instrumentations}:
 * the class filter reads {@link #typeName()} at start-up, the Byte Buddy transformer weaves
 * {@link #advisedMethods()} once an SDK is in use. Only the nested advice classes know Byte Buddy.
 */
public abstract class TypeInstrumentation {
    private final String typeName;

    protected TypeInstrumentation(String typeName) {
        this.typeName = typeName;
    }

    /** The instrumented type's binary name, e.g. {@code com.amazonaws.http.AmazonHttpClient$RequestExecutor}. */
    public final String typeName() {
        return typeName;
    }

    public abstract List<AdvisedMethod> advisedMethods();

    /**
     * The method {@code methodName} taking {@code parameterCount} parameters, advised by the static nested
     * class {@code adviceName} of this instrumentation, referenced by name so that it loads only when woven.
     */
    protected final AdvisedMethod advice(String methodName, int parameterCount, String adviceName) {
        return AdvisedMethod.of(methodName, parameterCount, getClass().getName() + '$' + adviceName);
    }
}
