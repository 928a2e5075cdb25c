package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.config.ProblemLine;

import java.util.List;

/**
 * Where the scrape endpoint of {@code OTEL_METRICS_EXPORTER=prometheus} listens: {@code OTEL_EXPORTER_PROMETHEUS_HOST}
 * and {@code _PORT}, with the OpenTelemetry Java agent's defaults (all interfaces, 9464), so that the same variables
 * mean the same whichever agent serves the metrics, and a Prometheus elsewhere in the fleet can reach the pod. Read
 * only when that exporter is asked for: a bad port of an exporter nobody uses is no problem.
 */
final class PrometheusSettings {
    static final String DEFAULT_HOST = "0.0.0.0";
    static final int DEFAULT_PORT = 9464;
    private static final String HOST = "otel.exporter.prometheus.host";
    private static final String PORT = "otel.exporter.prometheus.port";

    final String host;
    final int port;

    PrometheusSettings(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static PrometheusSettings read(OtelProperties properties, List<String> problems) {
        return new PrometheusSettings(host(properties, problems), port(properties, problems));
    }

    /**
     * A host name or an IP address, checked by its form only: resolving a name here would be a DNS lookup at
     * start-up. A name that does not resolve is said when the endpoint starts.
     */
    private static String host(OtelProperties properties, List<String> problems) {
        String value = properties.get(HOST);
        if (value == null) {
            return DEFAULT_HOST;
        }
        // A name, an IPv4 address, or an IPv6 one (two colons at least, so that host:port is refused).
        if (value.matches("[A-Za-z0-9._-]+|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.%]*]?")) {
            return value;
        }
        properties.reject(problems, HOST, value, "a host name or an IP address to listen on, such as 127.0.0.1 or "
                + DEFAULT_HOST + " (all interfaces), with no scheme or port", ProblemLine.usingTheDefault(DEFAULT_HOST));
        return DEFAULT_HOST;
    }

    private static int port(OtelProperties properties, List<String> problems) {
        String value = properties.get(PORT);
        if (value == null) {
            return DEFAULT_PORT;
        }
        if (value.matches("\\d{1,5}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 65535) {
            return Integer.parseInt(value);
        }
        properties.reject(problems, PORT, value, "a port number from 1 to 65535",
                ProblemLine.usingTheDefault(String.valueOf(DEFAULT_PORT)));
        return DEFAULT_PORT;
    }
}
