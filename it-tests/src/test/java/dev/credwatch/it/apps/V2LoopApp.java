package dev.credwatch.it.apps;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import java.net.URI;
import java.util.concurrent.Callable;

/**
 * A long-running SDK v2 application: a sync SQS client and an async STS client, both built at start, call in
 * turn every 200 ms until it has run for {@code app.seconds}. Runtime-attach tests load the agent into it while it runs.
 */
public final class V2LoopApp {
    private V2LoopApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getProperty("app.accessKey"), System.getProperty("app.secretKey")));
        URI endpoint = URI.create(System.getProperty("app.endpoint"));
        SqsClient sync = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        StsAsyncClient async = StsAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        long end = System.nanoTime() + Long.getLong("app.seconds", 60) * 1_000_000_000L;
        boolean first = true;
        for (int call = 0; System.nanoTime() < end; call++) {
            Callable<?> next = call % 2 == 0 ? sync::listQueues : () -> async.getCallerIdentity().join();
            String outcome = outcome(next);
            if (first) {
                System.out.println("READY first call: " + outcome);
                first = false;
            }
            Thread.sleep(200);
        }
        System.out.println("DONE");
    }

    private static String outcome(Callable<?> call) {
        try {
            call.call();
            return "ok";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
