package dev.credwatch.agent.observation;

/**
 * Where the instrumentation hands finished observations, of any kind. The bootstrap installs the consumer
 * once (diagnosis and reporters); until then, and if that consumer fails, observations are dropped.
 */
public final class ObservationPipeline {
    /** Receives observations; implementations never throw into the SDK call that produced them. */
    public interface Consumer {
        void accept(Observation observation);
    }

    private static volatile Consumer consumer;

    private ObservationPipeline() {
    }

    public static void install(Consumer newConsumer) {
        consumer = newConsumer;
    }

    public static boolean isInstalled() {
        return consumer != null;
    }

    public static void publish(Observation observation) {
        Consumer current = consumer;
        if (current != null) {
            current.accept(observation);
        }
    }
}
