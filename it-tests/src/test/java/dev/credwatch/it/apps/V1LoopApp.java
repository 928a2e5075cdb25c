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
 * ones from the instance metadata service with {@code app.credentials=instance-profile}.
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
        boolean first = true;
        while (System.nanoTime() < end) {
            String outcome = V1Outcome.of(sqs::listQueues);
            if (first) {
                System.out.println("READY first call: " + outcome);
                first = false;
            }
            Thread.sleep(200);
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
