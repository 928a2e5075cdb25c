package dev.credwatch.demo;

import dev.credwatch.demo.fakeaws.FakeAws;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario's call in a new JVM, because the SDK reads the environment variables it
 * depends on (AWS_ACCESS_KEY_ID, AWS_CONTAINER_CREDENTIALS_FULL_URI, ...) from the process
 * environment only. The child gets the same java, the same class path, this JVM's
 * {@code -javaagent} (and {@code credwatch.*}/{@code otel.*} properties), the terminal, and an
 * environment without any of the user's AWS variables, so nothing can reach a real AWS endpoint:
 * instance metadata is disabled unless the scenario points it at the fake, and the shared
 * credentials and config files point at a directory that does not exist.
 */
final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 30;

    private ChildJvm() {
    }

    static Outcome run(Scenario scenario, FakeAws fake) {
        Path outcomeFile = null;
        try {
            outcomeFile = Files.createTempFile("credwatch-demo-", ".outcome");
            Map<String, String> environment = new LinkedHashMap<>();
            Map<String, String> systemProperties = new LinkedHashMap<>();
            scenario.child().prepare(fake, environment, systemProperties);
            ProcessBuilder builder = new ProcessBuilder(command(scenario, fake, outcomeFile, systemProperties))
                    .inheritIO();
            cleanEnvironment(builder.environment());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Outcome("ChildJvmTimeout", null, 0, "no answer within " + TIMEOUT_SECONDS + " s");
            }
            // Only the line end goes: an outcome of success starts and ends with empty (tab-separated) fields.
            String line = Files.readString(outcomeFile, StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
            if (process.exitValue() != 0 || line.isEmpty()) {
                return new Outcome("ChildJvmFailed", null, 0, "exit code " + process.exitValue());
            }
            return Outcome.decode(line);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome("ChildJvmFailed", null, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("ChildJvmFailed", null, 0, "interrupted");
        } finally {
            if (outcomeFile != null) {
                try {
                    Files.deleteIfExists(outcomeFile);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The child's side: runs the scenario's call and leaves the outcome in {@code outcomeFile}. */
    static int runInChild(String name, String endpoint, Path outcomeFile) throws IOException {
        Scenario scenario = Scenarios.named(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name));
        Outcome outcome = Outcome.run(scenario.call(), new DemoContext(endpoint));
        Files.writeString(outcomeFile, outcome.encode() + "\n", StandardCharsets.UTF_8);
        return 0;
    }

    private static List<String> command(Scenario scenario, FakeAws fake, Path outcomeFile,
                                        Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedArguments());
        // A child lives for one call: the quick compiler alone starts it about a second sooner.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-D" + DemoMain.NO_V1_BANNER + "=true");
        // The SDKs would log each credential provider's failure (v1 through commons-logging, v2 through
        // SLF4J); the demo shows what the application and credwatch see, so the child's SDK logging is off.
        command.add("-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog");
        command.add("-D" + DemoMain.SLF4J_SIMPLE_LEVEL + "=off");
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DemoMain.class.getName());
        command.add(DemoMain.CHILD_FLAG);
        command.add(scenario.name());
        command.add(fake.endpoint());
        command.add(outcomeFile.toString());
        return command;
    }

    /**
     * This JVM's {@code -javaagent} arguments and credwatch/OpenTelemetry properties, except those that
     * came from JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS: the child inherits those variables and would
     * otherwise get them twice.
     */
    static List<String> inheritedArguments() {
        String fromEnvironment = String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")) + " "
                + System.getenv("JDK_JAVA_OPTIONS");
        List<String> inherited = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean wanted = argument.startsWith("-javaagent:")
                    || argument.startsWith("-Dcredwatch.") || argument.startsWith("-Dotel.");
            if (wanted && !fromEnvironment.contains(argument)) {
                inherited.add(argument);
            }
        }
        return inherited;
    }

    private static void cleanEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(key -> key.startsWith("AWS_"));
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "credwatch-demo-no-aws-files");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", nowhere.resolve("credentials").toString());
        environment.put("AWS_CONFIG_FILE", nowhere.resolve("config").toString());
    }
}
