package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The queues both SQS protocols share. Messages are counted, not kept: the demo only sends. */
final class SqsQueues {
    private final FakeState state;
    private final Map<String, AtomicLong> queues = new ConcurrentSkipListMap<>();

    SqsQueues(FakeState state) {
        this.state = state;
    }

    /** What SendMessage answers: the SDKs check MD5OfMessageBody against the body they sent. */
    record SentMessage(String messageId, String md5OfBody) {
    }

    String create(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,80}(\\.fifo)?")) {
            throw new AwsException("InvalidParameterValue", 400, "Can only include alphanumeric characters, "
                    + "hyphens, or underscores. 1 to 80 in length");
        }
        queues.putIfAbsent(name, new AtomicLong());
        return url(name);
    }

    String urlOf(String name) {
        if (name == null || !queues.containsKey(name)) {
            throw nonExistent();
        }
        return url(name);
    }

    List<String> list(String prefix) {
        return queues.keySet().stream().filter(n -> prefix == null || n.startsWith(prefix)).map(this::url).toList();
    }

    SentMessage send(String queueUrl, String body) {
        String name = queueUrl == null ? null : queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        AtomicLong count = name == null ? null : queues.get(name);
        if (count == null) {
            throw nonExistent();
        }
        if (body == null || body.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter MessageBody.");
        }
        count.incrementAndGet();
        return new SentMessage(UUID.randomUUID().toString(), md5(body));
    }

    /** SQS's QueueDoesNotExist; its query-protocol code is the legacy AWS.SimpleQueueService.NonExistentQueue. */
    static AwsException nonExistent() {
        return new AwsException("QueueDoesNotExist", 400, "The specified queue does not exist.",
                "com.amazonaws.sqs", "AWS.SimpleQueueService.NonExistentQueue;Sender");
    }

    private String url(String name) {
        return state.endpoint + "/" + Ids.ACCOUNT_ID + "/" + name;
    }

    private static String md5(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
