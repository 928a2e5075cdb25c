package dev.credwatch.agent.report.inventory;

import java.util.function.BooleanSupplier;
import javax.management.MBeanServerFactory;

/**
 * Publishes the inventory's MXBean once the JVM has a platform MBean server, and never starts one itself:
 * starting it costs a JVM about 0.25 s of wall time and 0.4 s of CPU (the platform MXBeans, some 120 classes),
 * nearly all of credwatch's start-up budget. Whoever reads the MXBean brings the server with them: jconsole or
 * {@code status} attaching (the JVM's local management agent), a JMX exporter, the application's own JMX. So
 * this looks once a second, on a daemon thread of its own, at the cost of copying a list.
 */
final class MBeanPublication implements Runnable {
    static final long POLL_MILLIS = 1000;

    private final BooleanSupplier serverExists;
    private final Runnable register;
    private final long pollMillis;

    MBeanPublication(BooleanSupplier serverExists, Runnable register, long pollMillis) {
        this.serverExists = serverExists;
        this.register = register;
        this.pollMillis = pollMillis;
    }

    @Override
    public void run() {
        try {
            while (!serverExists.getAsBoolean()) {
                Thread.sleep(pollMillis);
            }
            register.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The platform MBean server is made by {@code MBeanServerFactory.createMBeanServer}, which lists it. */
    static final class PlatformServerCheck implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                return !MBeanServerFactory.findMBeanServer(null).isEmpty();
            } catch (RuntimeException | LinkageError e) {
                // A security manager that forbids the look: the registration then fails, and says why.
                return true;
            }
        }
    }
}
