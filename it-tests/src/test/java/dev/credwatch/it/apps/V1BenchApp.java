package dev.credwatch.it.apps;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;

import java.io.IOException;

/** The benchmark's SDK v1 application: {@code SQS.ListQueues} on static keys, measured by {@link BenchLoop}. */
public final class V1BenchApp {
    private V1BenchApp() {
    }

    public static void main(String[] args) throws IOException {
        AmazonSQS sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(System.getProperty("app.endpoint"), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                        System.getProperty("app.accessKey"), System.getProperty("app.secretKey"))))
                .build();
        BenchLoop.measure(sqs::listQueues);
    }
}
