package dev.credwatch.demo.fakeaws;

/** Just enough XML writing for AWS responses: escaping and simple elements. */
final class Xml {
    private Xml() {
    }

    /**
     * Escapes element text the way AWS does: only {@code & < >}. Quotes stay literal, which matters:
     * SDK v1's S3 error parser keeps only the text after the last entity reference, so an
     * {@code &apos;} would cut S3's "the region 'us-east-1' is wrong" message down to "'".
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code <name>escaped value</name>} */
    static String el(String name, Object value) {
        return "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }
}
