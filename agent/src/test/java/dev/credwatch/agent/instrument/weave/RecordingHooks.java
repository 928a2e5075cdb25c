package dev.credwatch.agent.instrument.weave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hooks that record what woven code passed them. */
public final class RecordingHooks {
    static final String NAME = "dev/credwatch/agent/instrument/weave/RecordingHooks";
    static final List<List<Object>> CALLS = new ArrayList<List<Object>>();

    private RecordingHooks() {
    }

    static List<Object> call(String hook, Object... values) {
        List<Object> call = new ArrayList<Object>();
        call.add(hook);
        call.addAll(Arrays.asList(values));
        return call;
    }

    public static Object entered(Object self) {
        CALLS.add(call("entered", self.getClass().getSimpleName()));
        return "token";
    }

    public static void exited(Object token, Object field, Object returned, Throwable thrown) {
        CALLS.add(call("exited", token, field, returned, thrown == null ? null : thrown.getMessage()));
    }

    public static void arguments(Object[] arguments) {
        CALLS.add(call("arguments", Arrays.asList(arguments)));
    }

    public static void argumentAtExit(Object argument, Throwable thrown) {
        CALLS.add(call("argumentAtExit", argument, thrown == null ? null : thrown.getClass().getSimpleName()));
    }
}
