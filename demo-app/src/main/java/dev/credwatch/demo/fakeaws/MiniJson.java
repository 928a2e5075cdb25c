package dev.credwatch.demo.fakeaws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (objects become Maps, arrays Lists, numbers Doubles). Request bodies of the
 * JSON protocols are tiny; this keeps the fake free of a JSON library.
 */
final class MiniJson {
    private final String text;
    private int pos;

    private MiniJson(String text) {
        this.text = text;
    }

    /** Parses a JSON object; an empty body counts as "{}", which is what the SDKs send for no arguments. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        MiniJson p = new MiniJson(text);
        try {
            Object value = p.value();
            p.skipSpace();
            if (p.pos != text.length() || !(value instanceof Map)) {
                throw p.error("a JSON body must be one object");
            }
            return (Map<String, Object>) value;
        } catch (IndexOutOfBoundsException e) {
            throw p.error("unexpected end");
        }
    }

    private Object value() {
        skipSpace();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        for (Object literal : new Object[] {Boolean.TRUE, Boolean.FALSE, null}) {
            String word = String.valueOf(literal);
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return literal;
            }
        }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!empty('}')) {
            do {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
            } while (more('}'));
        }
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        if (!empty(']')) {
            do {
                list.add(value());
            } while (more(']'));
        }
        return list;
    }

    /** At an opening bracket: consumes it, and the closing one too when the container is empty. */
    private boolean empty(char close) {
        pos++;
        skipSpace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member: true when a comma follows, false after consuming the closing bracket. */
    private boolean more(char close) {
        skipSpace();
        if (peek() == ',') {
            pos++;
            return true;
        }
        expect(close);
        return false;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            if (e == 'u') {
                out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                pos += 4;
            } else {
                int simple = "bfnrt".indexOf(e);
                out.append(simple >= 0 ? "\b\f\n\r\t".charAt(simple) : e); // else \" \\ \/
            }
        }
        throw error("unterminated string");
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character");
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Malformed JSON at " + pos + ": " + what);
    }
}
