package dev.credwatch.agent.instrument.core;

/**
 * One advised method of an instrumented type: its name, how many parameters it takes, and the hooks woven
 * in at its entry and at its exit. Plain data, so that listing the instrumentations loads nothing of ASM.
 * An exit hook that takes {@link AdviceValue#thrown()} runs when the method throws as well.
 */
public final class AdvisedMethod {
    /** For {@link #parameterCount()}: any number of parameters. */
    public static final int ANY_PARAMETERS = -1;

    private final String methodName;
    private final int parameterCount;
    private final String hookClass;
    private final String enterHook;
    private final AdviceValue[] enterValues;
    private final String exitHook;
    private final AdviceValue[] exitValues;
    private final HookCall enter;
    private final HookCall exit;

    private AdvisedMethod(String methodName, int parameterCount, String hookClass, String enterHook,
                          AdviceValue[] enterValues, String exitHook, AdviceValue[] exitValues) {
        this.methodName = methodName;
        this.parameterCount = parameterCount;
        this.hookClass = hookClass;
        this.enterHook = enterHook;
        this.enterValues = enterValues;
        this.exitHook = exitHook;
        this.exitValues = exitValues;
        this.exit = exitHook == null ? null : new HookCall(hookClass, exitHook, false, exitValues);
        this.enter = enterHook == null ? null
                : new HookCall(hookClass, enterHook, exit != null && exit.takes(AdviceValue.Kind.ENTERED), enterValues);
    }

    /** @param hookClass the internal name of the {@code dispatch} class holding the hooks */
    public static AdvisedMethod of(String methodName, int parameterCount, String hookClass) {
        return new AdvisedMethod(methodName, parameterCount, hookClass, null, null, null, null);
    }

    public AdvisedMethod onEnter(String hook, AdviceValue... values) {
        return new AdvisedMethod(methodName, parameterCount, hookClass, hook, values, exitHook, exitValues);
    }

    public AdvisedMethod onExit(String hook, AdviceValue... values) {
        return new AdvisedMethod(methodName, parameterCount, hookClass, enterHook, enterValues, hook, values);
    }

    public String methodName() {
        return methodName;
    }

    public int parameterCount() {
        return parameterCount;
    }

    public boolean matches(String name, int parameters) {
        return methodName.equals(name) && (parameterCount == ANY_PARAMETERS || parameterCount == parameters);
    }

    /** The hook called on entry, or null. */
    public HookCall enter() {
        return enter;
    }

    /** The hook called on exit, or null. */
    public HookCall exit() {
        return exit;
    }

    @Override
    public String toString() {
        return methodName + (parameterCount == ANY_PARAMETERS ? "(..)" : "/" + parameterCount);
    }
}
