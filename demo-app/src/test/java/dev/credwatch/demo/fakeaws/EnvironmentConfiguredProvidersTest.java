package dev.credwatch.demo.fakeaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The environment-variable route, which cannot be set inside a running JVM: a child JVM gets
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} and
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} and runs {@link EnvironmentProbe}, which asks both
 * SDKs' default container and instance-profile providers for credentials.
 */
class EnvironmentConfiguredProvidersTest {

    @Test
    void bothSdksFindTheFakeThroughTheDocumentedEnvironmentVariables() throws Exception {
        try (FakeAws fake = FakeAws.start()) {
            fake.requireContainerAuthorization("env-token");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder child = new ProcessBuilder(
                    System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-Daws.java.v1.disableDeprecationAnnouncement=true", "-Daws.region=us-east-1",
                    "-cp", classpath, EnvironmentProbe.class.getName())
                    .redirectErrorStream(true);
            child.environment().put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri());
            child.environment().put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "env-token");
            child.environment().put("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.instanceMetadataEndpoint());
            child.environment().remove("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
            Process process = child.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();

            List<String> issued = fake.requests().stream().filter(r -> r.action().equals("GetCredentials"))
                    .map(r -> r.service() + "=" + r.accessKeyId()).toList();
            assertThat(output.lines().filter(l -> l.startsWith("v")).toList()).as(output).containsExactlyInAnyOrder(
                    "v1-container " + key(issued, "container", 0), "v2-container " + key(issued, "container", 1),
                    "v1-imds " + key(issued, "imds", 0), "v2-imds " + key(issued, "imds", 1));
        }
    }

    /** The n-th key id the fake issued from the given endpoint. */
    private static String key(List<String> issued, String service, int n) {
        return issued.stream().filter(s -> s.startsWith(service + "=")).skip(n).findFirst()
                .map(s -> s.substring(service.length() + 1)).orElse("none");
    }
}
