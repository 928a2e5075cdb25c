package dev.credwatch.it.apps;

import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@link V2App}'s SNS calls (query protocol). */
final class V2Sns {
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:alerts";

    private V2Sns() {
    }

    static void call(String operation, boolean async) {
        if (async) {
            try (SnsAsyncClient sns = V2App.async(SnsAsyncClient.builder()).build()) {
                switch (operation) {
                    case "listTopics" -> sns.listTopics(b -> { }).join();
                    case "publish" -> sns.publish(b -> b.topicArn(TOPIC).message("hello")).join();
                    default -> throw V2App.unknown("sns", operation);
                }
            }
            return;
        }
        try (SnsClient sns = V2App.sync(SnsClient.builder()).build()) {
            switch (operation) {
                case "listTopics" -> sns.listTopics(b -> { });
                case "publish" -> sns.publish(b -> b.topicArn(TOPIC).message("hello"));
                default -> throw V2App.unknown("sns", operation);
            }
        }
    }
}
