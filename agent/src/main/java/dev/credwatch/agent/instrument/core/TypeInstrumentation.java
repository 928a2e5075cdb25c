package dev.credwatch.agent.instrument.core;

import java.util.List;

/**
 * The advice for one SDK type, named after that type. Listed once, in {@code instrument.Instrumentations}:
 * the class filter reads {@link #typeName()} at start-up, the weaver reads {@link #advisedMethods()} when the
 * type loads. The hooks sit in one {@code dispatch} class per SDK generation, named here, never loaded here.
 */
public abstract class TypeInstrumentation {
    /** SDK v1's hooks. */
    protected static final String V1_HOOKS = "dev/credwatch/agent/instrument/dispatch/V1Advice";
    /** SDK v2's hooks. */
    protected static final String V2_HOOKS = "dev/credwatch/agent/instrument/dispatch/V2Advice";

    private final String typeName;
    private final String hookClass;

    protected TypeInstrumentation(String typeName, String hookClass) {
        this.typeName = typeName;
        this.hookClass = hookClass;
    }

    /** The instrumented type's binary name, e.g. {@code com.amazonaws.http.AmazonHttpClient$RequestExecutor}. */
    public final String typeName() {
        return typeName;
    }

    public abstract List<AdvisedMethod> advisedMethods();

    /** The method {@code methodName} taking {@code parameterCount} parameters, its hooks to be added. */
    protected final AdvisedMethod advise(String methodName, int parameterCount) {
        return AdvisedMethod.of(methodName, parameterCount, hookClass);
    }
}
