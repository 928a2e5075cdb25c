package dev.credwatch.agent.observation;

/**
 * Where the instrumentation hands finished observations. The bootstrap installs the consumer once
 * (diagnosis and reporters); until then, and if that consumer fails, observations are dropped.
 */
public final class CallPipeline {
    /** Receives observations; implementations never throw into the SDK call that produced them. */
    public interface Consumer {
        void accept(CallObservation call);
    }

    private static volatile Consumer consumer;

    private CallPipeline() {
    }

    public static void install(Consumer newConsumer) {
        consumer = newConsumer;
    }

    public static boolean isInstalled() {
        return consumer != null;
    }

    public static void publish(CallObservation call) {
        Consumer current = consumer;
        if (current != null) {
            current.accept(call);
        }
    }
}
