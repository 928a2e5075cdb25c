package dev.credwatch.it.apps;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A host in the manner of an application server or a plugin host: the host's own class path has no AWS SDK,
 * and each "webapp" gets a class loader of its own over {@code app.webappClassPath} (its own copy of the SDK
 * and of the app) whose parent is the platform loader, so nothing in it is visible through the application
 * class loader that {@code -javaagent} jars live in. The webapps run at the same time, one thread each.
 *
 * <p>Arguments: one per webapp, {@code MainClass:call,call,...} (V1App or V2App and their call names). With
 * {@code app.hostCalls} (same form) the host first makes calls of its own, through an SDK on its class path.
 */
public final class IsolatedWebapps {
    private IsolatedWebapps() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("HOST sees an SDK: " + (visible("com.amazonaws.http.AmazonHttpClient")
                || visible("software.amazon.awssdk.core.SdkClient")));
        String hostCalls = System.getProperty("app.hostCalls");
        if (hostCalls != null) {
            String[] parts = hostCalls.split(":", 2);
            Class.forName(IsolatedWebapps.class.getPackageName() + "." + parts[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) parts[1].split(","));
        }
        URL[] classPath = webappClassPath();
        List<Thread> webapps = new ArrayList<>();
        List<Class<?>> sdkCopies = new ArrayList<>();
        for (String webapp : args) {
            String[] parts = webapp.split(":", 2);
            URLClassLoader loader = new URLClassLoader("webapp-" + webapps.size(), classPath,
                    ClassLoader.getPlatformClassLoader());
            Method main = loader.loadClass(IsolatedWebapps.class.getPackageName() + "." + parts[0])
                    .getMethod("main", String[].class);
            sdkCopies.add(loader.loadClass(parts[0].startsWith("V1") ? "com.amazonaws.http.AmazonHttpClient"
                    : "software.amazon.awssdk.core.SdkClient"));
            Thread thread = new Thread(() -> run(main, parts[1].split(",")), "webapp-" + webapps.size());
            thread.setContextClassLoader(loader);
            webapps.add(thread);
        }
        webapps.forEach(Thread::start);
        for (Thread webapp : webapps) {
            webapp.join();
        }
        System.out.println("HOST SDK copies: " + sdkCopies.stream().distinct().count() + " of " + sdkCopies.size());
    }

    private static void run(Method main, String[] calls) {
        try {
            main.invoke(null, (Object) calls);
        } catch (ReflectiveOperationException e) {
            System.out.println("WEBAPP failed: " + e.getCause());
        }
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, IsolatedWebapps.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static URL[] webappClassPath() throws MalformedURLException {
        String[] entries = System.getProperty("app.webappClassPath").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = new File(entries[i]).toURI().toURL();
        }
        return urls;
    }
}
