package dev.credwatch.agent.instrument.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Defines one class from the bytes given, and delegates every other class to the test's loader: a woven class
 * defined so is verified by the JVM when it links, whichever loader the original came from.
 */
public final class DefiningLoader extends ClassLoader {
    private final String name;
    private final byte[] classFile;

    public DefiningLoader(String name, byte[] classFile) {
        super(DefiningLoader.class.getClassLoader());
        this.name = name;
        this.classFile = classFile;
    }

    /** The class file of a class on the test class path, or null. */
    public static byte[] classFileOf(String className) throws IOException {
        try (InputStream in = DefiningLoader.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, read);
            }
            return bytes.toByteArray();
        }
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        if (className.equals(name)) {
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
            }
        }
        return super.loadClass(className, resolve);
    }
}
