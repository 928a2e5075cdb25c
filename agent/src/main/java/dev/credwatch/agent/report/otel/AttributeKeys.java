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
        AttributeKey<String> key = strings.get(name);
        if (key == null) {
            key = AttributeKey.stringKey(name);
            strings.put(name, key);
        }
        return key;
    }

    AttributeKey<Long> longKey(String name) {
        AttributeKey<Long> key = longs.get(name);
        if (key == null) {
            key = AttributeKey.longKey(name);
            longs.put(name, key);
        }
        return key;
    }
}
