package dev.credwatch.agent.instrument.core;

import java.util.Map;
import java.util.Optional;

/**
 * The conversions every SDK reader needs: {@link SdkAccessors} hands back {@code Object}s, since credwatch
 * does not link against the SDK, and an SDK version credwatch does not know may return another type. Each
 * conversion turns an unexpected type into null (or 0), never into an exception.
 */
public final class SdkValues {
    private SdkValues() {
    }

    public static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }

    /** An HTTP status and the like; 0 when absent. */
    public static int integer(Object value) {
        return value instanceof Integer ? (Integer) value : 0;
    }

    public static Map<?, ?> map(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : null;
    }

    /** SDK v2 wraps optional members in {@link Optional}: its content, or null. */
    public static Object present(Object value) {
        return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    }

    /** Providers are known by simple name, which is stable across SDK versions and repackaging. */
    public static String simpleName(Object value) {
        return value == null ? null : value.getClass().getSimpleName();
    }

    /**
     * The simple name of the top-level class that declared {@code value}'s class: an anonymous callable or a
     * lambda ({@code STSAssumeRoleSessionCredentialsProvider$1}, {@code Foo$$Lambda/0x...}) names its owner.
     */
    public static String declaringSimpleName(Object value) {
        if (value == null) {
            return null;
        }
        String name = value.getClass().getName();
        int nested = name.indexOf('$');
        String outer = nested < 0 ? name : name.substring(0, nested);
        return outer.substring(outer.lastIndexOf('.') + 1);
    }

    /**
     * Whether {@code type} is, extends or implements the type named {@code typeName}, compared by name: the
     * SDK's types are not linkable from here, and several copies may live in different class loaders.
     */
    public static boolean isA(Class<?> type, String typeName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(typeName)) {
                return true;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                if (isA(implemented, typeName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
