package dev.credwatch.agent.bootstrap;

import java.io.PrintStream;

/** {@code java -jar credwatch-agent.jar …}: runtime attach comes with its own issue; until then, usage. */
final class AttachCommand {
    private AttachCommand() {
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        err.println("credwatch is a Java agent: start your application with -javaagent:credwatch-agent.jar");
        return 2;
    }
}
