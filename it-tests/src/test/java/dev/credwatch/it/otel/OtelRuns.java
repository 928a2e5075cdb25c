package dev.credwatch.it.otel;

import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Forked SDK v1 and v2 applications set up to export to a local OTLP receiver, and the payload secret scan. */
public final class OtelRuns {
    static final String LONG_TERM_KEY = "AKIACREDWATCHOTEL001";
    static final String LONG_TERM_SECRET = "otelItLongTermSecret/0123456789abcdefghij";
    static final String UNKNOWN_KEY = "AKIACREDWATCHOTELBAD";
    static final String UNKNOWN_SECRET = "otelItUnknownSecret/0123456789abcdefghijk";

    private OtelRuns() {
    }

    /** A JVM running {@code main} with static long-term keys against the fake AWS at {@code awsEndpoint}. */
    static ForkedJvm v1(Class<?> main, String awsEndpoint, String accessKey, String secretKey) {
        return ForkedJvm.main(main)
                .sysProp("app.endpoint", awsEndpoint)
                .sysProp("app.accessKey", accessKey)
                .sysProp("app.secretKey", secretKey)
                .sysProp("app.maxRetries", "1")
                .env("AWS_REGION", "us-east-1");
    }

    /**
     * A JVM running {@link dev.credwatch.it.apps.V2App} with static long-term keys against the fake AWS; C1
     * only, as these JVMs live seconds (on 2 cores the optimizing compiler doubles their run time).
     */
    static ForkedJvm v2(String awsEndpoint, String accessKey, String secretKey) {
        return ForkedJvm.main(dev.credwatch.it.apps.V2App.class)
                .jvmOption("-XX:TieredStopAtLevel=1")
                .sysProp("app.endpoint", awsEndpoint)
                .sysProp("app.credentials", "static")
                .sysProp("app.accessKey", accessKey)
                .sysProp("app.secretKey", secretKey)
                .env("AWS_REGION", "us-east-1");
    }

    /** The standard variables that point an OpenTelemetry SDK at {@code receiver}. */
    static ForkedJvm exportingTo(ForkedJvm jvm, OtlpReceiver receiver) {
        return jvm.env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                .env("OTEL_SERVICE_NAME", "credwatch-it")
                .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=it");
    }

    /**
     * {@code jvm} started beside the real OpenTelemetry Java agent, which exports traces only, to
     * {@code receiver}; the two {@code -javaagent} flags in either order.
     */
    static ForkedRun besideOtelAgent(ForkedJvm jvm, OtlpReceiver receiver, String serviceName,
                                     boolean credwatchFirst) {
        return withOtelAgent(jvm, receiver, serviceName,
                credwatchFirst ? OtelRoute.CREDWATCH_FIRST : OtelRoute.OTEL_FIRST).run();
    }

    /** {@code jvm} with the real OpenTelemetry Java agent exporting traces only to {@code receiver}, credwatch by {@code route}. */
    static ForkedJvm withOtelAgent(ForkedJvm jvm, OtlpReceiver receiver, String serviceName, OtelRoute route) {
        jvm.env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .env("OTEL_SERVICE_NAME", serviceName)
                .env("OTEL_METRICS_EXPORTER", "none")
                .env("OTEL_LOGS_EXPORTER", "none")
                .timeout(Duration.ofSeconds(120));
        String otel = "-javaagent:" + otelAgent();
        String credwatch = "-javaagent:" + ForkedJvm.agentJar();
        String extension = "-Dotel.javaagent.extensions=" + ForkedJvm.agentJar();
        switch (route) {
            case CREDWATCH_FIRST:
                return jvm.jvmOption(otel);
            case OTEL_FIRST:
                return jvm.withoutAgent().jvmOption(otel).jvmOption(credwatch);
            case EXTENSION:
                return jvm.withoutAgent().jvmOption(extension).jvmOption(otel);
            case EXTENSION_THEN_JAVAAGENT:
                return jvm.withoutAgent().jvmOption(extension).jvmOption(otel).jvmOption(credwatch);
            default:
                return jvm.jvmOption(extension).jvmOption(otel);
        }
    }

    /** How credwatch joins the OpenTelemetry Java agent: a second -javaagent (either order), its extension, or both. */
    enum OtelRoute {
        CREDWATCH_FIRST, OTEL_FIRST, EXTENSION, EXTENSION_THEN_JAVAAGENT, JAVAAGENT_THEN_EXTENSION
    }

    /** The OpenTelemetry Java agent jar the it-tests POM resolved. */
    public static Path otelAgent() {
        Path jar = Paths.get(System.getProperty("otel.javaagent.jar", "missing"));
        assertThat(jar).as("the OpenTelemetry Java agent, resolved by the it-tests POM").exists();
        return jar;
    }

    /** Every secret among {@code secrets} found in any exported body, as "secret in body #n". */
    static List<String> secretsIn(List<byte[]> bodies, Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String text = new String(bodies.get(i), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    found.add(secret + " in body #" + i);
                }
            }
        }
        return found;
    }
}
