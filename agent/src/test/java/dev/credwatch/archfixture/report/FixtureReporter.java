package dev.credwatch.archfixture.report;

import com.amazonaws.auth.BasicAWSCredentials;
import dev.credwatch.archfixture.log.FixtureLog;
import io.opentelemetry.api.common.Attributes;

/**
 * Breaks the rules on purpose, for AgentArchitectureTest: an SDK type and an SDK type's name outside
 * instrument, credwatch's own OpenTelemetry outside report.otel, a cycle with the log layer, and a network
 * call outside the export.
 */
public final class FixtureReporter {
    public static final String EXECUTION_ATTRIBUTES = "software.amazon.awssdk.core.interceptor.ExecutionAttributes";

    private FixtureReporter() {
    }

    public static int phoneHome() throws java.io.IOException {
        try (java.io.InputStream in = new java.net.URL("http://127.0.0.1:1/").openStream()) {
            return in.read();
        }
    }

    public static String report(BasicAWSCredentials credentials) {
        return FixtureLog.describe() + credentials.getAWSAccessKeyId() + Attributes.empty() + EXECUTION_ATTRIBUTES;
    }
}
