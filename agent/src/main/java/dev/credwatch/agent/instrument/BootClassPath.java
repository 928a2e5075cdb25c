package dev.credwatch.agent.instrument;

import dev.credwatch.agent.log.AgentLog;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts the {@code dispatch} package on the boot class path, so that advice woven into an SDK class links to
 * it from any class loader. The classes travel in the agent jar like all others; their bytes are copied into a
 * private temporary jar (random name, readable by its owner only, deleted on exit) that the JVM appends to the
 * boot class path. This must happen before anything loads them from the agent's own loader: the JVM would then
 * hold two copies.
 */
final class BootClassPath {
    private static final String PACKAGE = "dev.credwatch.agent.instrument.dispatch.";
    private static final String HOOKS = PACKAGE + "Hooks";
    static final List<String> DISPATCH_CLASSES = Arrays.asList(HOOKS, PACKAGE + "V1CallHooks",
            PACKAGE + "V1FetchHooks", PACKAGE + "V2CallHooks", PACKAGE + "V2FetchHooks", PACKAGE + "V1Advice",
            PACKAGE + "V2Advice");

    private BootClassPath() {
    }

    /**
     * Makes the dispatch reachable from the first SDK loader met. Runs before anything names the dispatch types:
     * even verifying a class that passes a tracker as a hook interface loads that interface, from the agent's loader.
     */
    static void reachFrom(Instrumentation instrumentation, ClassLoader firstSdkLoader) {
        if (loads(firstSdkLoader, BootClassPath.class.getName()) != BootClassPath.class) {
            appendDispatch(instrumentation);
        }
    }

    /** Appends the dispatch classes, or says once why an isolated SDK will not be diagnosed. */
    private static void appendDispatch(Instrumentation instrumentation) {
        try {
            if (!onBootClassPath()) {
                File jar = Files.createTempFile("credwatch-dispatch-", ".jar").toFile();
                jar.deleteOnExit();
                writeJar(jar, BootClassPath.class.getClassLoader());
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            }
            // Resolved the way the agent's own code resolves it: the boot copy must win.
            if (Class.forName(HOOKS, false, BootClassPath.class.getClassLoader()).getClassLoader() == null) {
                return;
            }
            AgentLog.error("credwatch's dispatch classes were loaded before they reached the boot class path; "
                    + "an SDK loaded by a class loader that does not delegate to the application's is not diagnosed");
        } catch (Throwable t) {
            AgentLog.error("credwatch could not add its dispatch classes to the boot class path (" + t
                    + "); an SDK loaded by a class loader that does not delegate to the application's is not "
                    + "diagnosed, the rest is");
        }
    }

    /** The class of that name the loader gives, or null. */
    static Class<?> loads(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError unreachable) {
            return null;
        }
    }

    private static boolean onBootClassPath() {
        try {
            return Class.forName(HOOKS, false, null) != null;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    static void writeJar(File jar, ClassLoader source) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar.toPath()))) {
            for (String className : DISPATCH_CLASSES) {
                String entry = className.replace('.', '/') + ".class";
                try (InputStream in = source.getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException(entry + " is missing from the agent jar");
                    }
                    out.putNextEntry(new ZipEntry(entry));
                    copy(in, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[4096];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
    }
}
