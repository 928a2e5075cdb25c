package dev.credwatch.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The credwatch demo: AWS SDK applications failing (and almost failing) for the reasons credwatch
 * explains, against an embedded fake AWS on 127.0.0.1.
 *
 * <pre>
 * java -javaagent:agent/target/credwatch-agent.jar -jar demo-app/target/credwatch-demo.jar [scenario ...]
 *     --list                 the scenarios, in story order
 *     --secrets-file FILE    (for tests) after the run, write every secret of the fake to FILE
 * </pre>
 *
 * Without names it runs every scenario. This class must not touch an SDK class before
 * {@link #main} has set the SDK's system properties.
 */
public final class DemoMain {
    static final String NO_V1_BANNER = "aws.java.v1.disableDeprecationAnnouncement";
    /** SDK v2 logs through SLF4J; the demo's binding, slf4j-simple, would write the SDK's log to stderr. */
    static final String SLF4J_SIMPLE_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String CHILD_FLAG = "--child";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        // SDK v1 prints an end-of-support banner when its first client is built; it would hide the story.
        System.setProperty(NO_V1_BANNER, "true");
        // The demo shows what the application and credwatch see; the SDKs' own logging would bury it.
        System.setProperty(SLF4J_SIMPLE_LEVEL, "off");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 4 && CHILD_FLAG.equals(args[0])) {
            return ChildJvm.runInChild(args[1], args[2], Path.of(args[3]));
        }
        Set<Scenario> chosen = new LinkedHashSet<>();
        Path secretsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> {
                    list(out);
                    return 0;
                }
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                case "--secrets-file" -> {
                    if (i + 1 == args.length) {
                        err.println("--secrets-file needs a file name");
                        return 2;
                    }
                    secretsFile = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        err.println("unknown option '" + args[i] + "'");
                        usage(err);
                        return 2;
                    }
                    Optional<Scenario> scenario = Scenarios.named(args[i]);
                    if (scenario.isEmpty()) {
                        err.println("unknown scenario '" + args[i] + "'; the scenarios are: " + names());
                        return 2;
                    }
                    chosen.add(scenario.get());
                }
            }
        }
        List<Scenario> scenarios = chosen.isEmpty() ? Scenarios.all() : new ArrayList<>(chosen);
        return new DemoRunner(out, agentAttached()).run(scenarios, secretsFile);
    }

    /** The agent's classes are on the system class path once {@code -javaagent} (or an attach) has loaded it. */
    static boolean agentAttached() {
        try {
            Class.forName("dev.credwatch.agent.bootstrap.CredwatchAgent", false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void list(PrintStream out) {
        int width = Scenarios.all().stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Scenario s : Scenarios.all()) {
            out.printf("%-" + width + "s  SDK %s  %s%n", s.name(), s.sdk(), s.story());
            out.printf("%-" + width + "s           credwatch: %s%n", "", s.expected().line());
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java [-javaagent:credwatch-agent.jar] -jar credwatch-demo.jar [--list] [scenario ...]");
        out.println("  no scenario: run them all, in story order; --list: the scenarios and what credwatch shows for each");
        out.println("  --secrets-file FILE: (for tests) after the run, write every secret of the fake AWS to FILE");
        out.println("scenarios: " + names());
    }

    private static String names() {
        return String.join(" ", Scenarios.all().stream().map(Scenario::name).toList());
    }
}
