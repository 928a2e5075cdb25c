package dev.credwatch.agent.report.inventory;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.report.Reporter;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * Keeps the live credential inventory and publishes it as the MXBean {@code dev.credwatch:type=Credentials}:
 * from the first observation on, a thread of its own waits for the JVM's platform MBean server and registers the
 * MXBean there ({@link MBeanPublication}). A JVM that makes no AWS call loads no JMX, no application thread
 * waits for JMX, and credwatch never starts the MBean server itself.
 */
public final class InventoryReporter implements Reporter, CredentialsMXBean {
    public static final String OBJECT_NAME = "dev.credwatch:type=Credentials";

    private final CredentialInventory inventory;
    private final Clock clock;
    private final AtomicBoolean registering;
    private final String agentVersion;
    private final String settings;

    /**
     * @param publish  false to keep the table off the platform MBean server (tests)
     * @param settings the settings in force, as the start line writes them
     */
    public InventoryReporter(AccessKeyMask mask, Clock clock, boolean publish, String agentVersion, String settings) {
        this.inventory = new CredentialInventory(mask);
        this.clock = clock;
        this.registering = new AtomicBoolean(!publish);
        this.agentVersion = agentVersion;
        this.settings = settings;
    }

    @Override
    public void report(Observation observation, List<Diagnosis> diagnoses, Instant now) {
        if (observation instanceof CallObservation) {
            CallObservation call = (CallObservation) observation;
            // The fetches this call waited for (its provider's first, or a refresh) are its keys' last fetch.
            for (CredentialFetch fetch : call.credentialFetches()) {
                inventory.fetch(fetch, now);
            }
            inventory.call(call, diagnoses, now);
        } else if (observation instanceof CredentialFetch) {
            inventory.fetch((CredentialFetch) observation, now);
        }
        // A plain read first: every call passes here, and a compare-and-set writes the shared line each time.
        if (!registering.get() && registering.compareAndSet(false, true)) {
            Thread thread = new Thread(new MBeanPublication(new MBeanPublication.PlatformServerCheck(),
                    new Registration(), MBeanPublication.POLL_MILLIS), "credwatch-jmx");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public List<CredentialRow> getCredentials() {
        return inventory.rows(clock.instant());
    }

    @Override
    public String getAgentVersion() {
        return agentVersion;
    }

    @Override
    public String getSettings() {
        return settings;
    }

    /** A named class, not a lambda: see SdkClassFilter. */
    private final class Registration implements Runnable {
        @Override
        public void run() {
            try {
                ManagementFactory.getPlatformMBeanServer().registerMBean(InventoryReporter.this,
                        new ObjectName(OBJECT_NAME));
            } catch (Exception | LinkageError e) {
                AgentLog.error("credwatch could not publish its credential inventory over JMX (" + e
                        + "); `status` cannot read it, the log and telemetry are not affected");
            }
        }
    }
}
