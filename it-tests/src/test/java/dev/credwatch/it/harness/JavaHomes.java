package dev.credwatch.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The JVMs the ITs run the application on: the build's own, and a Java 25 when the machine has one. */
public final class JavaHomes {
    private JavaHomes() {
    }

    public static Path current() {
        return Paths.get(System.getProperty("java.home"));
    }

    /**
     * The JVM the ITs run applications on: the build's own, or Java 25 in the failsafe execution that runs the
     * suite's representative subset there ({@code credwatch.it.app.java=25}). Without a Java 25 that subset is
     * skipped, with the reason; {@code .ci/run} makes sure CI has one.
     */
    public static Path forApplications() {
        if ("25".equals(System.getProperty("credwatch.it.app.java"))) {
            return java25().orElseThrow(() -> new TestAbortedException(
                    "the Java 25 subset needs a JDK 25 under /usr/lib/jvm or at CREDWATCH_IT_JAVA25_HOME"));
        }
        return current();
    }

    /** CREDWATCH_IT_JAVA25_HOME, or a JDK 25 under /usr/lib/jvm. */
    public static Optional<Path> java25() {
        String configured = System.getenv("CREDWATCH_IT_JAVA25_HOME");
        if (configured != null && !configured.isEmpty()) {
            return Optional.of(Paths.get(configured)).filter(JavaHomes::hasJava);
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*-25([-.].*)?"))
                    .filter(JavaHomes::hasJava)
                    .sorted(Comparator.naturalOrder())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasJava(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("java"));
    }
}
