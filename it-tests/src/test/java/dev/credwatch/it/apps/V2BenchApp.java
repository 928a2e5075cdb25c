package dev.credwatch.it.apps;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;

/**
 * The benchmark's SDK v2 application: {@code SQS.ListQueues} on static keys through one sync (Apache HTTP) or,
 * with {@code app.async=true}, one async (Netty) client, each call awaited; measured by {@link BenchLoop}.
 */
public final class V2BenchApp {
    private V2BenchApp() {
    }

    public static void main(String[] args) throws IOException {
        if (Boolean.getBoolean("app.async")) {
            try (SqsAsyncClient sqs = V2App.async(SqsAsyncClient.builder()).build()) {
                BenchLoop.measure(() -> sqs.listQueues(b -> { }).join());
            }
        } else {
            try (SqsClient sqs = V2App.sync(SqsClient.builder()).build()) {
                BenchLoop.measure(() -> sqs.listQueues(b -> { }));
            }
        }
    }
}
