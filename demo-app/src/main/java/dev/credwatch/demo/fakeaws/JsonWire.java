package dev.credwatch.demo.fakeaws;

/** Response shapes of the AWS JSON 1.0/1.1 protocols (SQS, MemoryDB). */
final class JsonWire {
    private JsonWire() {
    }

    static HttpResponse success(String contentType, String json, String requestId) {
        return HttpResponse.of(200, contentType, json).header("x-amzn-RequestId", requestId);
    }

    /** {@code {"__type":"ns#Code","message":"..."}}, plus {@code x-amzn-query-error} when the service sets one. */
    static HttpResponse error(String contentType, AwsException error, String requestId) {
        String type = error.jsonNamespace == null ? error.code : error.jsonNamespace + "#" + error.code;
        String body = "{\"__type\":" + quote(type) + ",\"message\":" + quote(error.getMessage()) + "}";
        HttpResponse response = HttpResponse.of(error.status, contentType, body).header("x-amzn-RequestId", requestId);
        if (error.queryError != null) {
            response.header("x-amzn-query-error", error.queryError);
        }
        return response;
    }

    /** A string member of a parsed JSON request, or null. */
    static String string(java.util.Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value == null ? null : value.toString();
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
