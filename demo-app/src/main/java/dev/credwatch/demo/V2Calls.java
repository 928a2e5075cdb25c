package dev.credwatch.demo;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;

/**
 * The applications of the story written with SDK v2 (2.x): a client builder, a credentials provider,
 * one call, the client closed after it. Every client is pointed at the fake AWS with the demo's region
 * and keeps the SDK's default retries. The HTTP clients are named because the demo's class path holds
 * several (the SDK would otherwise pick one by its own rules): Apache for synchronous clients, Netty for
 * the asynchronous one.
 */
final class V2Calls {
    private V2Calls() {
    }

    /** Where an application's credentials come from. */
    @FunctionalInterface
    interface Keys {
        AwsCredentialsProvider provider(DemoContext context);
    }

    // ---- credentials ----

    static AwsCredentialsProvider appKeys(DemoContext context) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoKeys.V2_APP_KEY_ID,
                DemoKeys.V2_APP_SECRET));
    }

    static AwsCredentialsProvider deletedKey(DemoContext context) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoKeys.V2_DELETED_KEY_ID,
                DemoKeys.V2_DELETED_SECRET));
    }

    /** What many applications do: ask STS for session keys once, then use them as static keys. */
    static AwsCredentialsProvider sessionKeysFromSts(DemoContext context) {
        try (StsClient sts = sync(StsClient.builder(), context, appKeys(context)).build()) {
            Credentials issued = sts.getSessionToken(r -> r.durationSeconds(3600)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(issued.accessKeyId(),
                    issued.secretAccessKey(), issued.sessionToken()));
        }
    }

    /** The EC2 instance role, read by the SDK from instance metadata (IMDSv2). */
    static AwsCredentialsProvider instanceProfile(DemoContext context) {
        return InstanceProfileCredentialsProvider.builder().build();
    }

    /** The ECS/EKS task role, read by the SDK from AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    static AwsCredentialsProvider containerRole(DemoContext context) {
        return ContainerCredentialsProvider.builder().build();
    }

    static AwsCredentialsProvider defaultChain(DemoContext context) {
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * An IRSA-style role: the pod's service-account token traded at STS for session keys, refreshed by the SDK.
     * This pod's token is one STS does not accept (from another cluster's identity provider).
     */
    static AwsCredentialsProvider webIdentityRole(DemoContext context) {
        StsClient sts = sync(StsClient.builder(), context, AnonymousCredentialsProvider.create()).build();
        return StsAssumeRoleWithWebIdentityCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(DemoKeys.WEB_IDENTITY_ROLE_ARN).roleSessionName("credwatch-demo")
                        .webIdentityToken(DemoKeys.FOREIGN_WEB_IDENTITY_TOKEN))
                .build();
    }

    /** A role first and the application's own keys as a fallback, as some teams chain them. */
    static AwsCredentialsProvider roleThenAppKeys(DemoContext context) {
        return AwsCredentialsProviderChain.builder().credentialsProviders(webIdentityRole(context), appKeys(context))
                .build();
    }

    // ---- calls ----

    static SdkCall sqsSendMessage(Keys keys) {
        return context -> {
            try (SqsClient sqs = sync(SqsClient.builder(), context, keys.provider(context)).build()) {
                sqs.sendMessage(r -> r.queueUrl(context.queueUrl()).messageBody("order #42 shipped"));
            }
        };
    }

    /** The asynchronous client: waiting on its future, the application gets a failure inside a CompletionException. */
    static SdkCall sqsSendMessageAsync(Keys keys) {
        return context -> {
            try (SqsAsyncClient sqs = async(SqsAsyncClient.builder(), context, keys.provider(context)).build()) {
                sqs.sendMessage(r -> r.queueUrl(context.queueUrl()).messageBody("order #42 shipped")).join();
            }
        };
    }

    static SdkCall sqsListQueues(Keys keys) {
        return context -> {
            try (SqsClient sqs = sync(SqsClient.builder(), context, keys.provider(context)).build()) {
                sqs.listQueues();
            }
        };
    }

    static SdkCall snsPublish(Keys keys) {
        return context -> {
            try (SnsClient sns = sync(SnsClient.builder(), context, keys.provider(context)).build()) {
                sns.publish(r -> r.topicArn(context.topicArn()).message("disk almost full"));
            }
        };
    }

    static SdkCall stsGetCallerIdentity(Keys keys) {
        return context -> {
            try (StsClient sts = sync(StsClient.builder(), context, keys.provider(context)).build()) {
                sts.getCallerIdentity();
            }
        };
    }

    static SdkCall s3GetObject(String bucket, String key, Keys keys) {
        return context -> {
            try (S3Client s3 = sync(S3Client.builder().forcePathStyle(true), context, keys.provider(context))
                    .build()) {
                s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
            }
        };
    }

    /**
     * SDK v2 also keeps the clock correction it learns from a skewed response in a JVM-wide offset, which
     * every client built later starts with; the demo forgets it so that each scenario starts as in a fresh JVM.
     */
    static void forgetClockCorrection() {
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B sync(
            B builder, DemoContext context, AwsCredentialsProvider credentials) {
        // A builder, not a built client: the SDK client then owns the HTTP client and closes it.
        return common(builder, context, credentials).httpClientBuilder(ApacheHttpClient.builder());
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B async(
            B builder, DemoContext context, AwsCredentialsProvider credentials) {
        return common(builder, context, credentials).httpClientBuilder(NettyNioAsyncHttpClient.builder());
    }

    private static <B extends AwsClientBuilder<B, ?>> B common(B builder, DemoContext context,
                                                              AwsCredentialsProvider credentials) {
        return builder.endpointOverride(URI.create(context.endpoint())).region(Region.of(context.region()))
                .credentialsProvider(credentials);
    }
}
