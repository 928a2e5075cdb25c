package dev.credwatch.demo.fakeaws;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/** SNS over the query protocol: CreateTopic, ListTopics, Publish, on an in-memory topic list. */
final class SnsService implements AwsService {
    static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** Topic ARN to name; sorted so that ListTopics is stable. */
    private final Map<String, String> topics = new ConcurrentSkipListMap<>();

    void createTopic(String region, String name) {
        topics.put("arn:aws:sns:" + region + ":" + Ids.ACCOUNT_ID + ":" + name, name);
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public Wire wire() {
        return Wire.QUERY;
    }

    @Override
    public HttpResponse handle(Call call) {
        Map<String, String> p = call.request().formParams();
        String result = switch (call.action()) {
            case "ListTopics" -> {
                StringBuilder members = new StringBuilder("<Topics>");
                topics.keySet().forEach(arn ->
                        members.append("<member>").append(Xml.el("TopicArn", arn)).append("</member>"));
                yield members.append("</Topics>").toString();
            }
            case "CreateTopic" -> {
                String name = p.get("Name");
                if (name == null || !name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
                    throw new AwsException("InvalidParameter", 400, "Invalid parameter: Topic Name");
                }
                createTopic(call.region(), name);
                yield Xml.el("TopicArn", "arn:aws:sns:" + call.region() + ":" + Ids.ACCOUNT_ID + ":" + name);
            }
            case "Publish" -> {
                String arn = p.getOrDefault("TopicArn", p.get("TargetArn"));
                if (arn == null || !topics.containsKey(arn)) {
                    throw new AwsException("NotFound", 404, "Topic does not exist");
                }
                yield Xml.el("MessageId", UUID.randomUUID());
            }
            default -> throw new AwsException("InvalidAction", 400,
                    "The action " + call.action() + " is not valid for this web service.");
        };
        return QueryWire.success(XMLNS, call.action(), result, call.requestId());
    }

    /** SNS names a denied action AuthorizationError, not AccessDenied. */
    @Override
    public AwsException accessDenied(Call call) {
        return new AwsException("AuthorizationError", 403, "User: " + call.caller().arn()
                + " is not authorized to perform: SNS:" + call.action() + " because no identity-based policy "
                + "allows the SNS:" + call.action() + " action");
    }

    @Override
    public HttpResponse error(AwsException error, String requestId) {
        return QueryWire.error(XMLNS, error, requestId);
    }
}
