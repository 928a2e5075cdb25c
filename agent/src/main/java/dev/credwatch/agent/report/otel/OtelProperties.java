package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.config.Durations;
import dev.credwatch.agent.config.ProblemLine;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK's configuration sources, as its autoconfigure module reads them: the system
 * property {@code otel.foo.bar} wins over the environment variable {@code OTEL_FOO_BAR}, and an empty value
 * is unset (the specification's rule, which the application's own OpenTelemetry SDK follows too). Written by
 * hand because credwatch needs a dozen keys, and the autoconfigure module would add its weight and its
 * service-loader scan to the jar and the first exported call. The typed reads turn a bad value into one
 * problem line, naming the key as the user wrote it, and the default.
 */
final class OtelProperties {
    /** Timeouts and intervals longer than a day are slips, and they feed nanosecond deadlines that would overflow. */
    private static final long MAX_MILLIS = TimeUnit.DAYS.toMillis(1);

    private final Properties systemProperties;
    private final Map<String, String> environment;

    OtelProperties(Properties systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties == null ? new Properties() : systemProperties;
        this.environment = environment == null ? Collections.<String, String>emptyMap() : environment;
    }

    /** The value of {@code otel.…} (or its variable), trimmed; null when unset or blank. */
    String get(String key) {
        String value = fromSystemProperty(key) ? systemProperties.getProperty(key) : environment.get(variable(key));
        return value == null || value.trim().isEmpty() ? null : value.trim();
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

    /** {@code true} or {@code false} in any case; anything else is a problem and false. */
    boolean flag(String key, List<String> problems) {
        String value = get(key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        reject(problems, key, value, "true or false", ProblemLine.usingTheDefault("false"));
        return false;
    }

    /** One of {@code accepted} (any case, returned lower-cased), or a problem and {@code fallback}. */
    String choice(String key, String fallback, String expected, List<String> problems, String... accepted) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        for (String candidate : accepted) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        reject(problems, key, value, expected, ProblemLine.usingTheDefault(fallback));
        return fallback;
    }

    /**
     * Milliseconds as the specification writes them ({@code 2500}), or with a unit as the Java SDK also reads
     * them ({@code 10s}), from 1 ms to a day; anything else is a problem and {@code fallback}.
     */
    Duration millis(String key, Duration fallback, List<String> problems) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        Duration parsed = value.matches("\\d{1,12}") ? Duration.ofMillis(Long.parseLong(value)) : Durations.parse(value);
        if (parsed != null && !parsed.isZero() && parsed.toMillis() <= MAX_MILLIS) {
            return parsed;
        }
        reject(problems, key, value, "a number of milliseconds from 1 to " + MAX_MILLIS + ", or a duration such as 10s",
                ProblemLine.usingTheDefault(String.valueOf(fallback.toMillis())));
        return fallback;
    }

    /**
     * {@code k1=v1,k2=v2} with percent-encoded values (W3C baggage style, as OTEL_RESOURCE_ATTRIBUTES). An
     * entry that is not a pair, or whose value does not decode, is left out; all such entries of the key make
     * one problem line, which with {@code secret} (headers carry API keys) never shows the value.
     */
    Map<String, String> keyValues(String key, boolean secret, List<String> problems) {
        Map<String, String> pairs = new LinkedHashMap<String, String>();
        String value = get(key);
        if (value == null) {
            return pairs;
        }
        List<Integer> bad = new ArrayList<Integer>();
        int position = 0;
        for (String pair : value.split(",")) {
            if (pair.trim().isEmpty()) {
                continue;
            }
            position++;
            int equals = pair.indexOf('=');
            String decoded = equals <= 0 ? null : decode(pair.substring(equals + 1).trim());
            if (decoded == null || pair.substring(0, equals).trim().isEmpty()) {
                bad.add(position);
            } else {
                pairs.put(pair.substring(0, equals).trim(), decoded);
            }
        }
        if (!bad.isEmpty()) {
            String expected = "name=value pairs separated by commas, with percent-encoded values (" + entries(bad)
                    + " of " + position + (bad.size() == 1 ? " is" : " are") + " not)";
            String outcome = bad.size() == 1 ? "ignoring that entry" : "ignoring those entries";
            if (secret) {
                problems.add(ProblemLine.invalidSecretValue(variableOrProperty(key), origin(key), expected, outcome));
            } else {
                reject(problems, key, value, expected, outcome);
            }
        }
        return pairs;
    }

    /** Adds the problem line for {@code key}, showing {@code shownValue} (the value, or a redacted copy). */
    void reject(List<String> problems, String key, String shownValue, String expected, String outcome) {
        problems.add(ProblemLine.invalidValue(shownValue, variableOrProperty(key), origin(key), expected, outcome));
    }

    private boolean fromSystemProperty(String key) {
        String value = systemProperties.getProperty(key);
        return value != null && !value.trim().isEmpty();
    }

    /** The key as the user wrote it: {@code OTEL_FOO_BAR}, or {@code otel.foo.bar} when it came as a property. */
    private String variableOrProperty(String key) {
        return fromSystemProperty(key) ? key : variable(key);
    }

    private String origin(String key) {
        return fromSystemProperty(key) ? "system property" : "environment variable";
    }

    private static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** "entry 2", "entries 1, 3": positions, since a header entry's text may be a token. */
    private static String entries(List<Integer> positions) {
        StringBuilder text = new StringBuilder(positions.size() == 1 ? "entry " : "entries ");
        for (int i = 0; i < positions.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(positions.get(i));
        }
        return text.toString();
    }

    /** The decoded value, or null when it is not valid percent-encoding. */
    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return null;
        }
    }
}
