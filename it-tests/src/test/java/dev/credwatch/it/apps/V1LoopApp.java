package dev.credwatch.it.apps;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;

/**
 * A long-running SDK v1 application: one client, built at start, calls SQS every 200 ms until it has run
 * for {@code app.seconds}. Runtime-attach tests load the agent into it while it runs. Static keys, or temporary
 * ones from the instance metadata service with {@code app.credentials=instance-profile}. With {@code app.calls} it
 * stops calling after that many calls and stays alive until {@code app.seconds} (a scrape then sees exact counts).
 */
public final class V1LoopApp {
    private V1LoopApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        AmazonSQS sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(System.getProperty("app.endpoint"), "us-east-1"))
                .withCredentials(credentials())
                .build();
        long end = System.nanoTime() + Long.getLong("app.seconds", 60) * 1_000_000_000L;
        long calls = Long.getLong("app.calls", Long.MAX_VALUE);
        boolean first = true;
        for (long made = 0; System.nanoTime() < end; Thread.sleep(200)) {
            if (made == calls) {
                continue;
            }
            String outcome = V1Outcome.of(sqs::listQueues);
            made++;
            if (first) {
                System.out.println("READY first call: " + outcome);
                first = false;
            }
            if (made == calls) {
                System.out.println("CALLS DONE " + made + " last: " + outcome);
            }
        }
        System.out.println("DONE");
    }

    private static AWSCredentialsProvider credentials() {
        if ("instance-profile".equals(System.getProperty("app.credentials"))) {
            return InstanceProfileCredentialsProvider.getInstance();
        }
        return new AWSStaticCredentialsProvider(new BasicAWSCredentials(System.getProperty("app.accessKey"),
                System.getProperty("app.secretKey")));
    }
}
