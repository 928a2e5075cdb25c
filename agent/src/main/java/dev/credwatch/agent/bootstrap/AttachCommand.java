package dev.credwatch.agent.bootstrap;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.List;

/**
 * {@code java -jar credwatch-agent.jar list | attach <pid> [options]}: loads this jar into a running JVM.
 *
 * <p>The attach API ({@code com.sun.tools.attach}, module jdk.attach) is called reflectively: the agent is
 * compiled for Java 8, where that API is outside the platform, and it exists only in a JDK, not a JRE.
 */
final class AttachCommand {
    private static final String VIRTUAL_MACHINE = "com.sun.tools.attach.VirtualMachine";
    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 1;

    private AttachCommand() {
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length == 1 && arguments[0].equals("list")) {
            return list(out, err);
        }
        if ((arguments.length == 2 || arguments.length == 3) && arguments[0].equals("attach")) {
            return attach(arguments[1], arguments.length == 3 ? arguments[2] : "", out, err);
        }
        if ((arguments.length == 2 || arguments.length == 3 && arguments[2].equals("--json"))
                && arguments[0].equals("status")) {
            if (!arguments[1].matches("[0-9]+")) {
                err.println("credwatch: \"" + arguments[1] + "\" is not a process id; `java -jar credwatch-agent.jar"
                        + " list` shows them");
                return USAGE;
            }
            return StatusCommand.run(arguments[1], arguments.length == 3, out, err);
        }
        err.println("usage: java -jar credwatch-agent.jar list");
        err.println("       java -jar credwatch-agent.jar attach <pid> [options, e.g. log.format=json,expiry.warn=10m]");
        err.println("       java -jar credwatch-agent.jar status <pid> [--json]");
        err.println("or start the application with -javaagent:credwatch-agent.jar[=options]");
        return USAGE;
    }

    private static int list(PrintStream out, PrintStream err) {
        try {
            Class<?> virtualMachine = attachApi();
            for (Object descriptor : (List<?>) virtualMachine.getMethod("list").invoke(null)) {
                Method id = descriptor.getClass().getMethod("id");
                Method name = descriptor.getClass().getMethod("displayName");
                out.println(id.invoke(descriptor) + " " + name.invoke(descriptor));
            }
            return OK;
        } catch (Exception e) {
            err.println("credwatch: cannot list JVMs: " + reason(e));
            return FAILED;
        }
    }

    private static int attach(String pid, String options, PrintStream out, PrintStream err) {
        if (!pid.matches("[0-9]+")) {
            err.println("credwatch: \"" + pid + "\" is not a process id; `java -jar credwatch-agent.jar list` shows them");
            return USAGE;
        }
        try {
            Class<?> virtualMachine = attachApi();
            Object vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
            try {
                virtualMachine.getMethod("loadAgent", String.class, String.class).invoke(vm, ownJar(), options);
            } finally {
                virtualMachine.getMethod("detach").invoke(vm);
            }
            out.println("credwatch: attached to JVM " + pid + "; its next AWS calls are diagnosed (see its stderr"
                    + " or log.file)");
            return OK;
        } catch (Exception e) {
            err.println("credwatch: cannot attach to JVM " + pid + ": " + reason(e));
            return FAILED;
        }
    }

    static Class<?> attachApi() throws ClassNotFoundException {
        try {
            return Class.forName(VIRTUAL_MACHINE);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("this Java has no attach API (jdk.attach); run the command with a JDK,"
                    + " not a JRE", e);
        }
    }

    private static String ownJar() throws URISyntaxException {
        return new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getAbsolutePath();
    }

    /** The attach API wraps its real reason (no such process, attach refused, agent failed) in layers. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof InvocationTargetException || cause.getCause() != null && cause.getMessage() == null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName();
        String message = cause.getMessage();
        if (name.equals("AttachNotSupportedException") || name.equals("IOException")) {
            return (message == null ? name : message)
                    + " (is the pid right, is the JVM run by this user, and does it allow attach?)";
        }
        return message == null ? name : name + ": " + message;
    }
}
