package dev.credwatch.demo;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.SDKGlobalTime;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.auth.DefaultAWSCredentialsProviderChain;
import com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.memorydb.AmazonMemoryDBClientBuilder;
import com.amazonaws.services.memorydb.model.DescribeClustersRequest;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.Credentials;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.services.securitytoken.model.GetSessionTokenRequest;
import com.amazonaws.services.sns.AmazonSNSClientBuilder;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;

/**
 * The applications of the story, written with SDK v1 (1.12.x) the way ordinary applications are:
 * a client builder, a credentials provider, one call. Every client is pointed at the fake AWS
 * with the demo's region, and keeps the SDK's default retries.
 */
final class V1Calls {
    private V1Calls() {
    }

    /** Where an application's credentials come from. */
    @FunctionalInterface
    interface Keys {
        AWSCredentialsProvider provider(DemoContext context);
    }

    // ---- credentials ----

    static AWSCredentialsProvider appKeys(DemoContext context) {
        return staticKeys(DemoKeys.APP_KEY_ID, DemoKeys.APP_SECRET);
    }

    static AWSCredentialsProvider deletedKey(DemoContext context) {
        return staticKeys(DemoKeys.DELETED_KEY_ID, DemoKeys.DELETED_SECRET);
    }

    static AWSCredentialsProvider secretWithTypo(DemoContext context) {
        return staticKeys(DemoKeys.APP_KEY_ID, DemoKeys.TYPO_SECRET);
    }

    /** What many applications do: ask STS for session keys once, then use them as static keys. */
    static AWSCredentialsProvider sessionKeysFromSts(DemoContext context) {
        Credentials issued = configure(AWSSecurityTokenServiceClientBuilder.standard(), context, appKeys(context))
                .build().getSessionToken(new GetSessionTokenRequest().withDurationSeconds(3600)).getCredentials();
        return new AWSStaticCredentialsProvider(new BasicSessionCredentials(issued.getAccessKeyId(),
                issued.getSecretAccessKey(), issued.getSessionToken()));
    }

    /** The EC2 instance role, read by the SDK from instance metadata. */
    static AWSCredentialsProvider instanceProfile(DemoContext context) {
        return InstanceProfileCredentialsProvider.getInstance();
    }

    /** The ECS/EKS task role, read by the SDK from AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    static AWSCredentialsProvider containerRole(DemoContext context) {
        return new EC2ContainerCredentialsProviderWrapper();
    }

    static AWSCredentialsProvider defaultChain(DemoContext context) {
        return DefaultAWSCredentialsProviderChain.getInstance();
    }

    private static AWSCredentialsProvider staticKeys(String keyId, String secret) {
        return new AWSStaticCredentialsProvider(new BasicAWSCredentials(keyId, secret));
    }

    // ---- calls ----

    static SdkCall sqsSendMessage(Keys keys) {
        return context -> configure(AmazonSQSClientBuilder.standard(), context, keys.provider(context)).build()
                .sendMessage(context.queueUrl(), "order #42 shipped");
    }

    static SdkCall sqsListQueues(Keys keys) {
        return context -> configure(AmazonSQSClientBuilder.standard(), context, keys.provider(context)).build()
                .listQueues();
    }

    static SdkCall snsPublish(Keys keys) {
        return context -> configure(AmazonSNSClientBuilder.standard(), context, keys.provider(context)).build()
                .publish(context.topicArn(), "disk almost full");
    }

    static SdkCall stsGetCallerIdentity(Keys keys) {
        return context -> configure(AWSSecurityTokenServiceClientBuilder.standard(), context, keys.provider(context))
                .build().getCallerIdentity(new GetCallerIdentityRequest());
    }

    static SdkCall s3GetObject(String bucket, String key, Keys keys) {
        return context -> configure(AmazonS3ClientBuilder.standard().withPathStyleAccessEnabled(true), context,
                keys.provider(context)).build().getObjectAsString(bucket, key);
    }

    static SdkCall memoryDbDescribeClusters(Keys keys) {
        return context -> configure(AmazonMemoryDBClientBuilder.standard(), context, keys.provider(context)).build()
                .describeClusters(new DescribeClustersRequest());
    }

    /**
     * SDK v1 keeps the clock correction it learns from a skewed response in a JVM-wide offset, which
     * every later client would inherit; the demo forgets it so that each scenario starts as in a fresh JVM.
     */
    static void forgetClockCorrection() {
        SDKGlobalTime.setGlobalTimeOffset(0);
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, DemoContext context,
                                                                  AWSCredentialsProvider credentials) {
        return builder.withEndpointConfiguration(new EndpointConfiguration(context.endpoint(), context.region()))
                .withClientConfiguration(new ClientConfiguration())
                .withCredentials(credentials);
    }
}
