package dev.credwatch.it.apps;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link V2App}'s SQS calls (AWS JSON 1.0 from about 2.21, the query protocol before). */
final class V2Sqs {
    private V2Sqs() {
    }

    static void call(String operation, boolean async) {
        String queueUrl = System.getProperty("app.queueUrl", V2App.endpoint() + "/000000000000/orders");
        if (async) {
            try (SqsAsyncClient sqs = V2App.async(SqsAsyncClient.builder()).build()) {
                switch (operation) {
                    case "listQueues" -> sqs.listQueues(b -> { }).join();
                    case "sendMessage" -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello")).join();
                    default -> throw V2App.unknown("sqs", operation);
                }
            }
            return;
        }
        try (SqsClient sqs = V2App.sync(SqsClient.builder()).build()) {
            switch (operation) {
                case "listQueues" -> sqs.listQueues(b -> { });
                case "sendMessage" -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello"));
                default -> throw V2App.unknown("sqs", operation);
            }
        }
    }
}
