package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.HeaderSource;

import java.util.List;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkValues.map;

/**
 * An {@code SdkHttpResponse}'s headers, asked one by one through {@code matchingHeaders(String)} (2.20 and
 * later: a view of the response's own case-insensitive map), not through {@code headers()}, which copies
 * them all each time. A response without that method falls back to the copy, once.
 */
final class V2ResponseHeaders extends HeaderSource {
    private final Object response;
    private HeaderSource copied;

    V2ResponseHeaders(Object response) {
        this.response = response;
    }

    @Override
    public Object valuesOf(String name) {
        if (copied == null) {
            Object values = call(response, "matchingHeaders", name);
            if (values instanceof List) {
                return values;
            }
            copied = HeaderSource.of(map(call(response, "headers")));
        }
        return copied.valuesOf(name);
    }
}
