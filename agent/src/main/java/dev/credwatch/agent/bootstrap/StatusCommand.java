package dev.credwatch.agent.bootstrap;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code java -jar credwatch-agent.jar status <pid> [--json]}: the credentials a running JVM uses right now, read
 * from its {@code dev.credwatch:type=Credentials} MXBean through the JVM's local management agent (started on
 * demand, as jcmd and jconsole do). One screen, soonest to expire first; {@code --json} for scripts.
 */
final class StatusCommand {
    private static final String OBJECT_NAME = "dev.credwatch:type=Credentials";
    /** A second for credwatch's look at the MBean server, and time for the look to register the MXBean. */
    private static final long PUBLICATION_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2500);

    private StatusCommand() {
    }

    static int run(String pid, boolean json, PrintStream out, PrintStream err) {
        JvmStatus status;
        try {
            status = read(pid);
        } catch (InstanceNotFoundException e) {
            err.println("credwatch: JVM " + pid + " runs without credwatch (or has made no AWS call yet); attach it"
                    + " with: java -jar credwatch-agent.jar attach " + pid);
            return AttachCommand.FAILED;
        } catch (Exception e) {
            err.println("credwatch: cannot read JVM " + pid + ": " + AttachCommand.reason(e));
            return AttachCommand.FAILED;
        }
        out.print(json ? StatusText.json(status) + System.lineSeparator() : StatusText.table(status));
        return AttachCommand.OK;
    }

    private static JvmStatus read(String pid) throws Exception {
        Class<?> virtualMachine = AttachCommand.attachApi();
        Object vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
        String address;
        try {
            address = (String) virtualMachine.getMethod("startLocalManagementAgent").invoke(vm);
        } finally {
            virtualMachine.getMethod("detach").invoke(vm);
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(OBJECT_NAME);
            Object[] credentials = credentials(server, name);
            List<CompositeData> rows = new ArrayList<CompositeData>();
            for (Object row : credentials) {
                rows.add((CompositeData) row);
            }
            return new JvmStatus(pid, (String) server.getAttribute(name, "AgentVersion"),
                    (String) server.getAttribute(name, "Settings"), rows);
        }
    }

    /**
     * The MXBean's rows. credwatch publishes it only once the JVM has an MBean server, which the management
     * agent this command started has just made: it looks once a second, so a missing MXBean is waited for a while.
     */
    private static Object[] credentials(MBeanServerConnection server, ObjectName name) throws Exception {
        long deadline = System.nanoTime() + PUBLICATION_WAIT_NANOS;
        while (true) {
            try {
                return (Object[]) server.getAttribute(name, "Credentials");
            } catch (InstanceNotFoundException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
