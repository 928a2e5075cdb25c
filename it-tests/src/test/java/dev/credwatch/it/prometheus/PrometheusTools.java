package dev.credwatch.it.prometheus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's {@code prometheus} package on this machine (the {@code prometheus} server and {@code promtool}), the
 * rules shipped in {@code agent/prometheus}, and free loopback ports. Without the package the tests are skipped,
 * loudly: {@code .ci/run} installs it, so CI always runs them.
 */
final class PrometheusTools {
    private PrometheusTools() {
    }

    /** The program on the PATH; skips the test, naming {@code .ci/run}, when it is not installed. */
    static Path require(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "SKIPPED: " + program + " is not on the PATH; install Debian's prometheus package (.ci/run"
                + " does: apt-get install -y prometheus) to run the Prometheus tests";
        System.err.println("[it] WARNING " + message);
        assumeTrue(false, message);
        return null;
    }

    /** {@code agent/prometheus}, where the alerting rules and their promtool tests ship. */
    static Path rulesDirectory() {
        Path directory = Paths.get(System.getProperty("credwatch.prometheus.rules", "../agent/prometheus"));
        assertThat(directory.resolve("credwatch-alerts.yml")).as("the shipped alerting rules").isRegularFile();
        return directory.toAbsolutePath().normalize();
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} in {@code directory} to its end (at most a minute): exit code and merged output. */
    static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("credwatch-promtool", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not end within a minute");
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Every {@code - alert: Name} of a rules file. */
    static List<String> alertNames(Path rules) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(rules)) {
            if (line.trim().startsWith("- alert:")) {
                names.add(line.trim().substring("- alert:".length()).trim());
            }
        }
        return names;
    }

    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }
}
