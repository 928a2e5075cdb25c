package dev.credwatch.demo.fakeaws;

import static dev.credwatch.demo.fakeaws.CredentialProviders.V2_CONTAINER_FAILED;
import static dev.credwatch.demo.fakeaws.CredentialProviders.containerV1;
import static dev.credwatch.demo.fakeaws.CredentialProviders.containerV2;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FakeAws#containerFails} against both SDKs' container providers. In-process SDK v1 is given
 * the endpoint through its public constructor, which retries nothing; the environment route that
 * applications use (and that retries a 5xx five times) runs in a child JVM.
 */
class ContainerFaultsTest {
    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start();
    private static final FakeAws fake = aws.fake();

    private static long attempts() {
        return fake.requests().stream().filter(r -> r.service().equals("container")).count();
    }

    @Test
    void serverErrorReachesSdkV1AsAServiceExceptionAndIsRetriedFiveTimesBySdkV2() {
        fake.containerFails(500);
        assertThat(containerV1(fake).chain()).containsExactly("com.amazonaws.AmazonServiceException: Credentials are "
                + "unavailable: the endpoint answered 500 (Service: null; Status Code: 500; Error Code: "
                + "InternalServerError; Request ID: null; Proxy: null)");
        assertThat(attempts()).isEqualTo(1);
        fake.clearRequests();
        var v2 = containerV2(fake);
        assertThat(v2.chain()).containsExactly(V2_CONTAINER_FAILED,
                "software.amazon.awssdk.core.exception.SdkServiceException: Credentials are unavailable: "
                        + "the endpoint answered 500");
        assertThat(attempts()).isEqualTo(6);
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r)
                .extracting(FakeRequest::action, FakeRequest::status, FakeRequest::outcome)
                .containsExactly("GetCredentials", 500, "InternalServerError"));
    }

    @Test
    void clientErrorIsNotRetried() {
        fake.containerFails(403);
        assertThat(containerV1(fake).chain()).containsExactly("com.amazonaws.AmazonServiceException: Credentials are "
                + "unavailable: the endpoint answered 403 (Service: null; Status Code: 403; Error Code: Forbidden; "
                + "Request ID: null; Proxy: null)");
        assertThat(containerV2(fake).chain()).containsExactly(V2_CONTAINER_FAILED,
                "software.amazon.awssdk.core.exception.SdkServiceException: Credentials are unavailable: "
                        + "the endpoint answered 403");
        assertThat(attempts()).isEqualTo(2);
    }

    @Test
    void notFoundIsTheMissingMetadataMessageInBothSdks() {
        fake.containerFails(404);
        String missing = "The requested metadata is not found at " + fake.containerCredentialsUri();
        assertThat(containerV1(fake).chain()).containsExactly("com.amazonaws.SdkClientException: " + missing);
        // SDK v2 does not wrap this one.
        assertThat(containerV2(fake).chain()).containsExactly(
                "software.amazon.awssdk.core.exception.SdkClientException: " + missing);
    }

    @Test
    void theEnvironmentRouteOfSdkV1RetriesAServerErrorFiveTimesToo() throws Exception {
        fake.containerFails(500);
        Map<String, List<String>> lines = runProbe(fake);
        assertThat(lines.get("v1-wrapper")).containsExactly("com.amazonaws.AmazonServiceException: Credentials are "
                + "unavailable: the endpoint answered 500 (Service: null; Status Code: 500; Error Code: "
                + "InternalServerError; Request ID: null; Proxy: null)");
        assertThat(lines.get("v2-container")).containsExactly(V2_CONTAINER_FAILED,
                "software.amazon.awssdk.core.exception.SdkServiceException: Credentials are unavailable: "
                        + "the endpoint answered 500");
        assertThat(attempts()).isEqualTo(12);
    }

    /** Runs {@link ProviderFailureProbe} with only the container URI set; its lines by provider, chain only. */
    static Map<String, List<String>> runProbe(FakeAws fake) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder child = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Daws.java.v1.disableDeprecationAnnouncement=true", "-Daws.region=us-east-1",
                "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog",
                "-cp", classpath, ProviderFailureProbe.class.getName()).redirectErrorStream(true);
        // As the demo's child JVMs: none of this machine's AWS settings, and no way to the real IMDS.
        child.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        child.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "credwatch-no-aws-files");
        child.environment().put("AWS_SHARED_CREDENTIALS_FILE", nowhere.resolve("credentials").toString());
        child.environment().put("AWS_CONFIG_FILE", nowhere.resolve("config").toString());
        child.environment().put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri());
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("v")).map(l -> l.split("\t"))
                .collect(java.util.stream.Collectors.toMap(f -> f[0], f -> Arrays.asList(f).subList(2, f.length)));
    }
}
