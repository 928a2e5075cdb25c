package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.common.AttributeKey;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link AttributeKey} per attribute name and type, made at its first use: the API makes a new key object
 * each time a name is passed as a string. Used by the export thread only, hence no lock. The names are
 * credwatch's own attribute names, a few dozen at most.
 */
final class AttributeKeys {
    private final Map<String, AttributeKey<String>> strings = new HashMap<String, AttributeKey<String>>();
    private final Map<String, AttributeKey<Long>> longs = new HashMap<String, AttributeKey<Long>>();

    AttributeKey<String> stringKey(String name) {
        return strings.computeIfAbsent(name, AttributeKey::stringKey);
    }

    AttributeKey<Long> longKey(String name) {
        return longs.computeIfAbsent(name, AttributeKey::longKey);
    }
}
