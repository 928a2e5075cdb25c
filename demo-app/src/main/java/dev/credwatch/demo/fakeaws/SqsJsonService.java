package dev.credwatch.demo.fakeaws;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQS over AWS JSON 1.0, what SDK v1 1.12.797 and SDK v2 send ({@code X-Amz-Target:
 * AmazonSQS.SendMessage}). SQS is "query compatible": its own errors carry
 * {@code x-amzn-query-error: Code;Sender} and the SDKs report that legacy code. Errors raised
 * before SQS sees the request (authentication) come from the shared JSON front end and carry no
 * such header.
 */
final class SqsJsonService implements AwsService {
    static final String TARGET_PREFIX = "AmazonSQS.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final SqsQueues queues;

    SqsJsonService(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public Wire wire() {
        return Wire.JSON;
    }

    @Override
    public HttpResponse handle(Call call) {
        Map<String, Object> in = MiniJson.parseObject(call.request().bodyText());
        String json = switch (call.action()) {
            case "ListQueues" -> {
                String urls = queues.list(JsonWire.string(in, "QueueNamePrefix")).stream()
                        .map(JsonWire::quote).collect(Collectors.joining(","));
                yield urls.isEmpty() ? "{}" : "{\"QueueUrls\":[" + urls + "]}";
            }
            case "CreateQueue" -> queueUrl(queues.create(JsonWire.string(in, "QueueName")));
            case "GetQueueUrl" -> queueUrl(queues.urlOf(JsonWire.string(in, "QueueName")));
            case "SendMessage" -> {
                SqsQueues.SentMessage sent =
                        queues.send(JsonWire.string(in, "QueueUrl"), JsonWire.string(in, "MessageBody"));
                yield "{\"MD5OfMessageBody\":" + JsonWire.quote(sent.md5OfBody())
                        + ",\"MessageId\":" + JsonWire.quote(sent.messageId()) + "}";
            }
            default -> throw new AwsException("UnknownOperationException", 400, "", "com.amazon.coral.service", null);
        };
        return JsonWire.success(CONTENT_TYPE, json, call.requestId());
    }

    private static String queueUrl(String url) {
        return "{\"QueueUrl\":" + JsonWire.quote(url) + "}";
    }

    @Override
    public AwsException accessDenied(Call call) {
        return new AwsException("AccessDeniedException", 403, "User: " + call.caller().arn()
                + " is not authorized to perform: sqs:" + call.action() + " on resource: arn:aws:sqs:"
                + call.region() + ":" + Ids.ACCOUNT_ID + ":* because no identity-based policy allows the sqs:"
                + call.action() + " action", "com.amazon.coral.service", null);
    }

    @Override
    public HttpResponse error(AwsException error, String requestId) {
        return JsonWire.error(CONTENT_TYPE, error, requestId);
    }
}
