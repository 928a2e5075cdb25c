package dev.credwatch.it;

import dev.credwatch.it.harness.ForkedJvm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped jar: one agent, nothing of its dependencies unshaded, a manifest the JVM can use. */
class AgentJarContentIT {

    @Test
    void holdsOnlyCredwatchClassesAndMetadataAtTheTopLevel() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> names = jar.stream().map(entry -> entry.getName()).collect(Collectors.toList());

            assertThat(names).allSatisfy(name -> assertThat(name).matches("(dev/|dev/credwatch/.*|META-INF/.*)"));
            // Of Byte Buddy only the ASM it bundles, which weaves the SDK classes.
            assertThat(names).contains("dev/credwatch/agent/shaded/net/bytebuddy/jar/asm/ClassReader.class");
            assertThat(names).filteredOn(name -> name.startsWith("dev/credwatch/agent/shaded/net/bytebuddy/")
                    && name.endsWith(".class")).allMatch(name -> name.startsWith(
                    "dev/credwatch/agent/shaded/net/bytebuddy/jar/asm/"));
            assertThat(names).noneMatch(name -> name.endsWith("module-info.class"));
        }
    }

    @Test
    void declaresEveryEntryPointAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Premain-Class")).isEqualTo("dev.credwatch.agent.bootstrap.CredwatchAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("dev.credwatch.agent.bootstrap.CredwatchAgent");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("dev.credwatch.agent.bootstrap.CredwatchAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Can-Redefine-Classes")).isEqualTo("true");
        }
    }

    @Test
    void staysWithinItsSizeBudget() throws IOException {
        assertThat(Files.size(ForkedJvm.agentJar())).isLessThan(6L * 1024 * 1024);
    }
}
