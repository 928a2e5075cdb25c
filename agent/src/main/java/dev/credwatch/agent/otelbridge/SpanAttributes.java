package dev.credwatch.agent.otelbridge;

import java.util.Arrays;

/**
 * A span's attributes in the order added, free of OpenTelemetry types: credwatch's own spans and the
 * OpenTelemetry Java agent's spans get the same ones. Values are strings or longs. Two arrays rather than
 * a map: beside the agent they are built and walked once on every call, and a {@code LinkedHashMap}'s
 * entries and table were a third of what credwatch allocated per call there.
 */
public final class SpanAttributes {
    /** Room for every attribute of one call (DESIGN.md "Spans" lists at most eleven), so none grows. */
    private static final int CAPACITY = 12;

    private String[] keys = new String[CAPACITY];
    private Object[] values = new Object[CAPACITY];
    private int size;

    /** Adds {@code key}, or replaces its value; a null value adds nothing. */
    public SpanAttributes add(String key, Object value) {
        if (value == null) {
            return this;
        }
        int known = indexOf(key);
        if (known >= 0) {
            values[known] = value;
            return this;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    public String key(int index) {
        return keys[index];
    }

    public Object value(int index) {
        return values[index];
    }

    /** The value of {@code key}, or null when it was not added. */
    public Object get(String key) {
        int index = indexOf(key);
        return index >= 0 ? values[index] : null;
    }

    private int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
