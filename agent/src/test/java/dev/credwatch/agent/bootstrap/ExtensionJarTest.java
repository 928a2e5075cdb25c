package dev.credwatch.agent.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionJarTest {
    @TempDir
    Path folder;

    private Path jar(String name, String entry) throws IOException {
        Path jar = folder.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(entry));
            out.closeEntry();
        }
        return jar;
    }

    private static Properties extensions(String value) {
        Properties properties = new Properties();
        properties.setProperty(ExtensionJar.PROPERTY, value);
        return properties;
    }

    private static String found(JarFile jar) throws IOException {
        try (JarFile closing = jar) {
            return new File(closing.getName()).getName();
        }
    }

    @Test
    void theJarHoldingCredwatchAmongAListOfExtensions() throws IOException {
        Path other = jar("vendor-extension.jar", "com/vendor/Extension.class");
        Path credwatch = jar("credwatch-agent.jar", "dev/credwatch/agent/bootstrap/OtelAgentExtension.class");

        assertThat(found(ExtensionJar.find(extensions(other + " , " + credwatch), Collections.emptyMap())))
                .isEqualTo("credwatch-agent.jar");
    }

    @Test
    void aFolderOfExtensionsFromTheEnvironment() throws IOException {
        jar("vendor-extension.jar", "com/vendor/Extension.class");
        jar("credwatch.jar", "dev/credwatch/agent/bootstrap/OtelAgentExtension.class");
        Map<String, String> environment = Collections.singletonMap("OTEL_JAVAAGENT_EXTENSIONS", folder.toString());

        assertThat(found(ExtensionJar.find(new Properties(), environment))).isEqualTo("credwatch.jar");
    }

    @Test
    void noneNamedIsAClearFailure() throws IOException {
        Path other = jar("vendor-extension.jar", "com/vendor/Extension.class");

        assertThatThrownBy(() -> ExtensionJar.find(extensions(other.toString()), Collections.emptyMap()))
                .isInstanceOf(IOException.class).hasMessageContaining("otel.javaagent.extensions");
        assertThatThrownBy(() -> ExtensionJar.find(new Properties(), Collections.emptyMap()))
                .hasMessageContaining("holds credwatch");
    }
}
