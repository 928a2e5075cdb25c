package dev.credwatch.it.apps;

/**
 * One JVM using SDK v1 and SDK v2 side by side, as applications half-way through a migration do: each
 * argument {@code v1:call} runs through {@link V1App}, {@code v2:call} through {@link V2App} (which also
 * takes {@code v2:async:call}), in order, both configured by the same {@code app.*} system properties.
 */
public final class V1AndV2App {
    private V1AndV2App() {
    }

    public static void main(String[] args) {
        for (String call : args) {
            if (call.startsWith("v1:")) {
                V1App.main(new String[] {call.substring(3)});
            } else if (call.startsWith("v2:")) {
                V2App.main(new String[] {call.substring(3)});
            } else {
                throw new IllegalArgumentException("name the SDK: v1:" + call + " or v2:" + call);
            }
        }
    }
}
