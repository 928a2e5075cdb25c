package dev.credwatch.agent.report.otel;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenTelemetry SDK's configuration sources, as its autoconfigure module reads them: the system
 * property {@code otel.foo.bar} wins over the environment variable {@code OTEL_FOO_BAR}. Written by hand
 * because credwatch needs a dozen keys, and the autoconfigure module would add its weight and its
 * service-loader scan to the jar and the first exported call.
 */
final class OtelProperties {
    private final Properties systemProperties;
    private final Map<String, String> environment;

    OtelProperties(Properties systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties == null ? new Properties() : systemProperties;
        this.environment = environment == null ? Collections.<String, String>emptyMap() : environment;
    }

    /** The value of {@code otel.…} (or its variable), trimmed; null when unset or blank. */
    String get(String key) {
        String value = systemProperties.getProperty(key);
        if (value == null) {
            value = environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        return value.trim();
    }

    /** The first key of {@code keys} that is set (per-signal keys first, then the general one). */
    String first(String... keys) {
        for (String key : keys) {
            String value = get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A comma-separated list, lower-cased. */
    List<String> list(String key, String defaultValue) {
        String value = get(key);
        List<String> items = new ArrayList<String>();
        for (String item : (value == null ? defaultValue : value).split(",")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim().toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }

    /** {@code k1=v1,k2=v2} with percent-encoded values (W3C baggage style, as OTEL_RESOURCE_ATTRIBUTES). */
    static Map<String, String> keyValues(String value, List<String> problems, String key) {
        Map<String, String> pairs = new LinkedHashMap<String, String>();
        if (value == null) {
            return pairs;
        }
        for (String pair : value.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                if (!pair.trim().isEmpty()) {
                    problems.add(key + " has an entry without key=value; it is ignored");
                }
                continue;
            }
            pairs.put(pair.substring(0, equals).trim(), decode(pair.substring(equals + 1).trim()));
        }
        return pairs;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return value;
        }
    }
}
