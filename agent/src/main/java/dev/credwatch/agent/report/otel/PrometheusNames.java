package dev.credwatch.agent.report.otel;

import java.util.HashMap;
import java.util.Map;

/**
 * OpenTelemetry names as Prometheus names, the way the OpenTelemetry Java SDK's Prometheus exporter (the one the
 * OpenTelemetry Java agent serves) writes them, so that dashboards and alerting rules work whichever agent serves
 * the series: characters Prometheus does not allow become one underscore, the unit is a suffix
 * ({@code credwatch.credentials.ttl} in {@code s} is {@code credwatch_credentials_ttl_seconds}), an annotation
 * unit such as {@code {diagnosis}} adds nothing, and monotonic counters end in {@code _total} (added by
 * {@link PrometheusText}, as only counters get it).
 */
final class PrometheusNames {
    /** Suffixes Prometheus gives meaning to: stripped from the base name, so a counter never ends in _total_total. */
    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info"};
    private static final Map<String, String> UNITS = new HashMap<String, String>();

    static {
        String[] pairs = {"d", "days", "h", "hours", "min", "minutes", "s", "seconds", "ms", "milliseconds",
                "us", "microseconds", "ns", "nanoseconds", "By", "bytes", "KiBy", "kibibytes", "MiBy", "mebibytes",
                "GiBy", "gibibytes", "KBy", "kilobytes", "MBy", "megabytes", "GBy", "gigabytes", "%", "percent",
                "1", "ratio"};
        for (int i = 0; i < pairs.length; i += 2) {
            UNITS.put(pairs[i], pairs[i + 1]);
        }
    }

    private PrometheusNames() {
    }

    /** {@code credwatch.credentials.fetch.duration} in {@code s}: {@code credwatch_credentials_fetch_duration_seconds}. */
    static String metric(String name, String unit) {
        String base = collapse(name, false);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (base.endsWith(suffix) && base.length() > suffix.length()) {
                    base = base.substring(0, base.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        String suffix = unit(unit);
        return suffix.isEmpty() || base.endsWith("_" + suffix) ? base : base + '_' + suffix;
    }

    /** An attribute key as a label name: {@code rpc.service} is {@code rpc_service}. */
    static String label(String key) {
        String name = collapse(key, true);
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "key_" + name : name;
    }

    /**
     * The unit as a name suffix: {@code s} is {@code seconds}, {@code {diagnosis}} nothing. Only the units of the
     * specification's table that metrics of time, size and ratio use; any other unit is its own sanitized text.
     */
    static String unit(String unit) {
        String plain = unit == null ? "" : unit.replaceAll("\\{[^}]*}", "").trim();
        if (plain.isEmpty()) {
            return "";
        }
        return UNITS.containsKey(plain) ? UNITS.get(plain) : collapse(plain, false).replaceAll("^_+|_+$", "");
    }

    /** Every run of characters outside [a-zA-Z0-9] (and ':' in metric names) becomes one underscore. */
    private static String collapse(String text, boolean label) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || !label && c == ':';
            if (allowed) {
                out.append(c);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        return out.toString();
    }
}
