package dev.credwatch.agent.bootstrap;

import java.util.List;
import javax.management.openmbean.CompositeData;

/** What {@code status} read from one JVM's {@code dev.credwatch:type=Credentials}: the agent and its table. */
final class JvmStatus {
    final String pid;
    final String agentVersion;
    final String settings;
    final List<CompositeData> rows;

    JvmStatus(String pid, String agentVersion, String settings, List<CompositeData> rows) {
        this.pid = pid;
        this.agentVersion = agentVersion;
        this.settings = settings;
        this.rows = rows;
    }
}
