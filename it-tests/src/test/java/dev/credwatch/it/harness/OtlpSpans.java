package dev.credwatch.it.harness;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain views of decoded OTLP data for assertions: attributes as a map, ids as hex. */
public final class OtlpSpans {
    private OtlpSpans() {
    }

    /** Attribute values as String, Long, Double or Boolean. */
    public static Map<String, Object> attributes(List<KeyValue> attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            values.put(attribute.getKey(), value(attribute.getValue()));
        }
        return values;
    }

    public static Map<String, Object> attributes(Span span) {
        return attributes(span.getAttributesList());
    }

    public static String traceId(Span span) {
        return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    public static String spanId(Span span) {
        return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    public static String traceId(LogRecord record) {
        return HexFormat.of().formatHex(record.getTraceId().toByteArray());
    }

    public static String spanId(LogRecord record) {
        return HexFormat.of().formatHex(record.getSpanId().toByteArray());
    }

    public static String parentSpanId(Span span) {
        return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    private static Object value(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            default:
                return value.toString();
        }
    }
}
