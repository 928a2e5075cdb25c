package dev.credwatch.agent.instrument.core;

/**
 * One advised method of an instrumented type: its name, how many parameters it takes, and the advice class,
 * by name. Plain data, so that listing the instrumentations at start-up loads nothing of Byte Buddy.
 */
public final class AdvisedMethod {
    /** For {@link #parameterCount()}: any number of parameters. */
    public static final int ANY_PARAMETERS = -1;

    private final String methodName;
    private final int parameterCount;
    private final String adviceClass;

    private AdvisedMethod(String methodName, int parameterCount, String adviceClass) {
        this.methodName = methodName;
        this.parameterCount = parameterCount;
        this.adviceClass = adviceClass;
    }

    /** The method {@code methodName} taking {@code parameterCount} parameters, advised by {@code adviceClass}. */
    public static AdvisedMethod of(String methodName, int parameterCount, String adviceClass) {
        return new AdvisedMethod(methodName, parameterCount, adviceClass);
    }

    public String methodName() {
        return methodName;
    }

    public int parameterCount() {
        return parameterCount;
    }

    public String adviceClass() {
        return adviceClass;
    }
}
