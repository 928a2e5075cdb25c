package dev.credwatch.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a fresh JVM running one main class of this module's test class path, optionally with the
 * credwatch agent, and captures what it prints. The child never inherits the AWS variables of the
 * machine: each test states the environment it means.
 */
public final class ForkedJvm {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** A class name, or {@code -jar} and an executable jar. */
    private final List<String> launch;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private Path javaHome = JavaHomes.forApplications();
    private String classPath = System.getProperty("java.class.path");
    private String agentArguments;
    private boolean withAgent = true;
    private Duration timeout = DEFAULT_TIMEOUT;

    private ForkedJvm(List<String> launch) {
        this.launch = launch;
        // SDK v1 prints an end-of-support banner; it is noise in every comparison.
        systemProperties.put("aws.java.v1.disableDeprecationAnnouncement", "true");
    }

    public static ForkedJvm main(Class<?> mainClass) {
        return new ForkedJvm(List.of(mainClass.getName()));
    }

    /** {@code java -jar}: the jar's manifest names the main class and the class path. */
    public static ForkedJvm executableJar(Path jar) {
        return new ForkedJvm(List.of("-jar", jar.toString())).classPath(null);
    }

    public static Path agentJar() {
        String path = System.getProperty("credwatch.agent.jar");
        if (path == null || !Files.isRegularFile(Paths.get(path))) {
            throw new IllegalStateException("the agent jar is missing (" + path + "): run mvn verify from the top");
        }
        return Paths.get(path).toAbsolutePath().normalize();
    }

    public ForkedJvm args(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    public ForkedJvm sysProp(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public ForkedJvm env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    public ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** C1 only: these JVMs live a few seconds; on 2 cores the optimizing compiler doubles their run time. */
    public ForkedJvm quickStart() {
        return jvmOption("-XX:TieredStopAtLevel=1");
    }

    public ForkedJvm javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** Replaces the test class path, e.g. to run an app on another SDK version's jars. */
    public ForkedJvm classPath(String value) {
        this.classPath = value;
        return this;
    }

    public ForkedJvm agentArgs(String value) {
        this.agentArguments = value;
        return this;
    }

    public ForkedJvm withoutAgent() {
        this.withAgent = false;
        return this;
    }

    public ForkedJvm timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xshare:auto");
        if (withAgent) {
            command.add("-javaagent:" + agentJar() + (agentArguments == null ? "" : "=" + agentArguments));
        }
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (classPath != null) {
            command.add("-cp");
            command.add(classPath);
        }
        command.addAll(launch);
        command.addAll(arguments);
        return command;
    }

    /** Runs the JVM to its end; fails the test if it outlives the timeout. */
    public ForkedRun run() {
        RunningJvm running = start();
        return running.awaitEnd(timeout);
    }

    /** Starts the JVM and returns at once: for tests that act on a live process (runtime attach). */
    public RunningJvm start() {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("CREDWATCH_")
                || key.startsWith("OTEL_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(environment);
        builder.directory(new File(System.getProperty("java.io.tmpdir")));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new RunningJvm(process, command(), StreamCollector.start(process.getInputStream()),
                    StreamCollector.start(process.getErrorStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains one stream of the child on its own thread, so a chatty child never blocks on a full pipe. */
    static final class StreamCollector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private StreamCollector(InputStream in) {
            thread = new Thread(() -> {
                try (in) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // The child ended; what was read is kept.
                }
            }, "forked-jvm-stream");
            thread.setDaemon(true);
        }

        static StreamCollector start(InputStream in) {
            StreamCollector collector = new StreamCollector(in);
            collector.thread.start();
            return collector;
        }

        /** What was read so far. */
        String snapshot() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        /** Everything, once the stream has ended (or after a short grace period). */
        String text() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot();
        }
    }
}
