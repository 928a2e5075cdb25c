package dev.credwatch.demo.fakeaws;

/** Response shapes of the AWS query protocol (STS, SNS, query-mode SQS). */
final class QueryWire {
    private QueryWire() {
    }

    /** {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...} */
    static HttpResponse success(String xmlns, String action, String resultXml, String requestId) {
        String body = "<" + action + "Response xmlns=\"" + xmlns + "\">"
                + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
                + "<ResponseMetadata>" + Xml.el("RequestId", requestId) + "</ResponseMetadata>"
                + "</" + action + "Response>";
        return HttpResponse.xml(200, body).header("x-amzn-RequestId", requestId);
    }

    static HttpResponse error(String xmlns, AwsException error, String requestId) {
        String body = "<ErrorResponse xmlns=\"" + xmlns + "\"><Error>"
                + Xml.el("Type", error.status >= 500 ? "Receiver" : "Sender")
                + Xml.el("Code", error.code) + Xml.el("Message", error.getMessage())
                + "</Error>" + Xml.el("RequestId", requestId) + "</ErrorResponse>";
        return HttpResponse.xml(error.status, body).header("x-amzn-RequestId", requestId);
    }
}
