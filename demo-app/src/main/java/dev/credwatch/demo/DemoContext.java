package dev.credwatch.demo;

/**
 * What an application needs to reach the fake AWS, in the demo's own JVM or in a child JVM: the
 * endpoint every client is pointed at, and the region the clients are configured with.
 */
public record DemoContext(String endpoint, String region) {
    static final String ACCOUNT_ID = "123456789012";
    static final String DEMO_NAME = "credwatch-demo";

    DemoContext(String endpoint) {
        this(endpoint, "us-east-1");
    }

    String queueUrl() {
        return endpoint + "/" + ACCOUNT_ID + "/" + DEMO_NAME;
    }

    String topicArn() {
        return "arn:aws:sns:" + region + ":" + ACCOUNT_ID + ":" + DEMO_NAME;
    }
}
