package dev.credwatch.demo.fakeaws;

import java.util.Map;

/**
 * SQS over the query protocol (form body with Action=..., XML answers), as SDK v1 before its
 * JSON switch (about 1.12.600) and other older clients speak it.
 */
final class SqsQueryService implements AwsService {
    static final String XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/";

    private final SqsQueues queues;

    SqsQueryService(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public Wire wire() {
        return Wire.QUERY;
    }

    @Override
    public HttpResponse handle(Call call) {
        Map<String, String> p = call.request().formParams();
        String result = switch (call.action()) {
            case "ListQueues" -> {
                StringBuilder urls = new StringBuilder();
                queues.list(p.get("QueueNamePrefix")).forEach(url -> urls.append(Xml.el("QueueUrl", url)));
                yield urls.toString();
            }
            case "CreateQueue" -> Xml.el("QueueUrl", queues.create(p.get("QueueName")));
            case "GetQueueUrl" -> Xml.el("QueueUrl", queues.urlOf(p.get("QueueName")));
            case "SendMessage" -> {
                // Old clients post to the queue URL itself and may leave QueueUrl out of the form.
                String queueUrl = p.getOrDefault("QueueUrl", call.request().rawPath());
                SqsQueues.SentMessage sent = queues.send(queueUrl, p.get("MessageBody"));
                yield Xml.el("MD5OfMessageBody", sent.md5OfBody()) + Xml.el("MessageId", sent.messageId());
            }
            default -> throw new AwsException("InvalidAction", 400,
                    "The action " + call.action() + " is not valid for this endpoint.");
        };
        return QueryWire.success(XMLNS, call.action(), result, call.requestId());
    }

    @Override
    public AwsException accessDenied(Call call) {
        return new AwsException("AccessDenied", 403, "Access to the resource " + call.request().rawPath()
                + " is denied.");
    }

    /** In the query protocol SQS's own errors use their legacy codes (AWS.SimpleQueueService.NonExistentQueue). */
    @Override
    public HttpResponse error(AwsException error, String requestId) {
        if (error.queryError != null) {
            String legacyCode = error.queryError.substring(0, error.queryError.indexOf(';'));
            error = new AwsException(legacyCode, error.status, error.getMessage());
        }
        return QueryWire.error(XMLNS, error, requestId);
    }
}
