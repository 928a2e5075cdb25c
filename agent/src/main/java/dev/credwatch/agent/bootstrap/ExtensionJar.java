package dev.credwatch.agent.bootstrap;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Finds the credwatch jar the OpenTelemetry Java agent loaded as an extension. Its class loader reads the jar
 * through a URL of its own ({@code otel:/}) that names no file, so the jar is looked up where the agent looked:
 * {@code otel.javaagent.extensions} (or {@code OTEL_JAVAAGENT_EXTENSIONS}), a comma-separated list of jars and
 * folders of jars; the one holding this class is credwatch.
 */
final class ExtensionJar {
    static final String PROPERTY = "otel.javaagent.extensions";
    private static final String MARKER = OtelAgentExtension.class.getName().replace('.', '/') + ".class";

    private ExtensionJar() {
    }

    static JarFile find(Properties properties, Map<String, String> environment) throws IOException {
        String locations = properties.getProperty(PROPERTY, environment.get("OTEL_JAVAAGENT_EXTENSIONS"));
        if (locations != null) {
            for (String location : locations.split(",")) {
                for (File candidate : jarsAt(new File(location.trim()))) {
                    JarFile jar = new JarFile(candidate);
                    if (jar.getEntry(MARKER) != null) {
                        return jar;
                    }
                    jar.close();
                }
            }
        }
        throw new IOException("no jar named in " + PROPERTY + " or OTEL_JAVAAGENT_EXTENSIONS holds credwatch"
                + " (was it embedded in the agent's own jar?)");
    }

    private static List<File> jarsAt(File location) {
        List<File> jars = new ArrayList<File>();
        File[] children = location.isDirectory() ? location.listFiles() : new File[] {location};
        for (File file : children == null ? new File[0] : children) {
            if (file.isFile() && file.getName().endsWith(".jar")) {
                jars.add(file);
            }
        }
        return jars;
    }
}
