package dev.credwatch.agent.bootstrap;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
    private static final String[] COLUMNS = {"accessKeyId", "source", "provider", "kind", "expiresAt", "ttlSeconds",
        "calls", "securityErrors", "lastDiagnosis", "lastFetchOutcome", "lastUsed"};

    private StatusCommand() {
    }

    static int run(String pid, boolean json, PrintStream out, PrintStream err) {
        List<CompositeData> rows;
        try {
            rows = read(pid);
        } catch (InstanceNotFoundException e) {
            err.println("credwatch: JVM " + pid + " runs without credwatch (or has made no AWS call yet); attach it"
                    + " with: java -jar credwatch-agent.jar attach " + pid);
            return AttachCommand.FAILED;
        } catch (Exception e) {
            err.println("credwatch: cannot read JVM " + pid + ": " + AttachCommand.reason(e));
            return AttachCommand.FAILED;
        }
        if (json) {
            out.println(StatusText.json(rows, COLUMNS));
        } else {
            out.println("credwatch in JVM " + pid + ": " + rows.size() + (rows.size() == 1 ? " credential" : " credentials")
                    + ", soonest to expire first");
            out.print(StatusText.table(rows));
        }
        return AttachCommand.OK;
    }

    private static List<CompositeData> read(String pid) throws Exception {
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
            Object[] credentials = (Object[]) server.getAttribute(new ObjectName(OBJECT_NAME), "Credentials");
            List<CompositeData> rows = new ArrayList<CompositeData>();
            for (Object row : credentials) {
                rows.add((CompositeData) row);
            }
            return rows;
        }
    }
}
