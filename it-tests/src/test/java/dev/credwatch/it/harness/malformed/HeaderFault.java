package dev.credwatch.it.harness.malformed;

import java.util.function.BiConsumer;

/**
 * What goes wrong in the head of an answer (or in how its body is delimited), applied on top of the headers a
 * real service sends: {@code Content-Type}, {@code x-amzn-RequestId: req-<id>} and the current {@code Date}.
 * The request id and the Date are what credwatch reads from every answer; the query-error and error-type headers
 * are where the JSON protocol takes its error code from.
 */
public enum HeaderFault {
    NONE("the usual headers", (answer, id) -> { }),
    NO_REQUEST_ID("no request id header", (answer, id) -> answer.remove(MalformedCases.REQUEST_ID)),
    DUPLICATED_REQUEST_ID("two request id headers with different values",
            (answer, id) -> answer.add(MalformedCases.REQUEST_ID, "other-" + id)),
    EMPTY_REQUEST_ID("an empty request id", (answer, id) -> answer.replace(MalformedCases.REQUEST_ID, "")),
    REQUEST_ID_64_KIB("a 64 KiB request id", (answer, id) -> answer.replace(MalformedCases.REQUEST_ID,
            "req-" + id + "-" + "r".repeat(64 * 1024))),
    NO_DATE("no Date header", (answer, id) -> answer.remove("Date")),
    DATE_GARBAGE("a garbage Date", (answer, id) -> answer.replace("Date", "not a date, 99 Foo 20x5 25:61:61 XYZ")),
    DATE_1900("a Date in 1900", (answer, id) -> answer.replace("Date", "Mon, 01 Jan 1900 00:00:00 GMT")),
    DATE_9999("a Date in 9999", (answer, id) -> answer.replace("Date", "Fri, 31 Dec 9999 23:59:59 GMT")),
    DATE_RFC_850("a Date in RFC 850 form", (answer, id) -> answer.replace("Date", "Sunday, 06-Nov-94 08:49:37 GMT")),
    DATE_ASCTIME("a Date in asctime form", (answer, id) -> answer.replace("Date", "Sun Nov  6 08:49:37 1994")),
    DATE_WRONG_WEEKDAY("a Date whose weekday does not match", (answer, id) -> answer.replace("Date",
            "Mon, 01 Jan 2030 00:00:00 GMT")),
    DATE_TWICE("two Date headers, a garbage one first",
            (answer, id) -> answer.replace("Date", "yesterday").add("Date", "Mon, 01 Jan 2024 00:00:00 GMT")),
    HEADER_64_KIB("a 64 KiB x-amz-id-2 header", (answer, id) -> answer.add("x-amz-id-2", "x".repeat(64 * 1024))),
    CONTENT_TYPE_WRONG("Content-Type text/html", (answer, id) -> answer.replace("Content-Type",
            "text/html; charset=iso-8859-1")),
    CONTENT_TYPE_MISSING("no Content-Type", (answer, id) -> answer.remove("Content-Type")),
    QUERY_ERROR_GARBAGE("x-amzn-query-error ';;;;'", (answer, id) -> answer.add("x-amzn-query-error", ";;;;")),
    QUERY_ERROR_WITHOUT_TYPE("x-amzn-query-error without ';'", (answer, id) -> answer.add("x-amzn-query-error",
            "AWS.SimpleQueueService.NonExistentQueue")),
    QUERY_ERROR_CONTRADICTING("x-amzn-query-error naming another auth error",
            (answer, id) -> answer.add("x-amzn-query-error", "InvalidClientTokenId;Sender")),
    ERROR_TYPE_GARBAGE("x-amzn-ErrorType ':#:#:'", (answer, id) -> answer.add("x-amzn-ErrorType", ":#:#:")),
    CLOSED_MID_BODY("the connection closed mid-body", (answer, id) -> answer.closedMidBody()),
    NO_CONTENT_LENGTH("no Content-Length: the body ends with the connection",
            (answer, id) -> answer.withoutContentLength());

    private final String description;
    private final BiConsumer<HttpAnswer, Integer> fault;

    HeaderFault(String description, BiConsumer<HttpAnswer, Integer> fault) {
        this.description = description;
        this.fault = fault;
    }

    public String description() {
        return description;
    }

    public HttpAnswer applyTo(HttpAnswer answer, int id) {
        fault.accept(answer, id);
        return answer;
    }
}
