package dev.credwatch.it.apps;

/**
 * Runs {@link V1App}'s calls one by one and prints how long each took, measured inside the application:
 * {@code TIMED <call> <millis>}. The export ITs compare these, not the JVM's run time (which includes
 * start-up and the agent's bounded flush at exit). The last line, {@code MAIN ENDED <epoch millis>}, lets a test
 * tell how long the JVM took to exit once the application was done.
 */
public final class TimedV1Calls {
    private TimedV1Calls() {
    }

    public static void main(String[] args) {
        for (String call : args) {
            long start = System.nanoTime();
            V1App.main(new String[] {call});
            System.out.println("TIMED " + call + " " + (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("MAIN ENDED " + System.currentTimeMillis());
    }
}
