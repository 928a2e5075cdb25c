package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.dispatch.Hooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootClassPathTest {
    @Test
    void theJarHoldsEveryClassOfTheDispatchPackage() throws Exception {
        Path compiled = Paths.get(Hooks.class.getResource("Hooks.class").toURI()).getParent();
        List<String> inPackage;
        try (Stream<Path> files = Files.list(compiled)) {
            inPackage = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> Hooks.class.getPackage().getName() + "." + name.replace(".class", ""))
                    .sorted().collect(Collectors.toList());
        }

        assertThat(BootClassPath.DISPATCH_CLASSES).containsExactlyInAnyOrderElementsOf(inPackage);
    }

    @Test
    void theJarLinksWithNothingButTheJdk(@TempDir Path directory) throws Exception {
        File jar = directory.resolve("dispatch.jar").toFile();
        BootClassPath.writeJar(jar, BootClassPathTest.class.getClassLoader());

        try (JarFile written = new JarFile(jar)) {
            assertThat(Collections.list(written.entries())).hasSize(BootClassPath.DISPATCH_CLASSES.size());
        }
        // The jar's own classes, and for everything else the boot loader: what the boot class path would see.
        try (URLClassLoader bootOnly = new JarFirst(jar)) {
            for (String name : BootClassPath.DISPATCH_CLASSES) {
                Class<?> type = Class.forName(name, true, bootOnly);
                assertThat(type.getClassLoader()).isSameAs(bootOnly);
                for (Method method : type.getDeclaredMethods()) {
                    assertThat(method.getParameterTypes()).allMatch(parameter -> parameter.getClassLoader() == null
                            || parameter.getClassLoader() == bootOnly);
                }
            }
            Class<?> hooks = Class.forName(Hooks.class.getName(), true, bootOnly);
            Object[] trackers = BootClassPath.DISPATCH_CLASSES.subList(1, 5).stream()
                    .map(name -> standIn(name, bootOnly)).toArray();
            Method install = hooks.getMethod("install", trackers[0].getClass().getInterfaces()[0],
                    trackers[1].getClass().getInterfaces()[0], trackers[2].getClass().getInterfaces()[0],
                    trackers[3].getClass().getInterfaces()[0]);
            assertThat(install.invoke(null, trackers)).as("the first credwatch").isEqualTo(true);
            assertThat(install.invoke(null, trackers)).as("a second copy stays out").isEqualTo(false);
            assertThat(hooks.getMethod("v2Fetches").invoke(null)).isSameAs(trackers[3]);
        }
    }

    @Test
    void aMissingClassFailsTheJarInsteadOfLeavingItShort(@TempDir Path directory) {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThatThrownBy(() ->
                BootClassPath.writeJar(directory.resolve("short.jar").toFile(), empty))
                .hasMessageContaining("Hooks.class is missing from the agent jar");
    }

    private static Object standIn(String interfaceName, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(interfaceName, false, loader);
            return Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, arguments) -> null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the dispatch package from the jar even where the test JVM's boot class path has it already. */
    private static final class JarFirst extends URLClassLoader {
        JarFirst(File jar) throws java.net.MalformedURLException {
            super(new URL[] {jar.toURI().toURL()}, null);
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(Hooks.class.getPackage().getName() + ".")) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
        }
    }
}
