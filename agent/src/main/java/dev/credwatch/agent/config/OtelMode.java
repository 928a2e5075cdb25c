package dev.credwatch.agent.config;

/**
 * Whether to report to OpenTelemetry: {@code AUTO} only when an exporter is configured or the
 * OpenTelemetry Java agent is present, {@code ON} always, {@code OFF} never.
 */
public enum OtelMode {
    AUTO,
    ON,
    OFF
}
