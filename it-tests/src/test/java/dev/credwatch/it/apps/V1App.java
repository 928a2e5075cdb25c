package dev.credwatch.it.apps;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.AnonymousAWSCredentials;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper;
import com.amazonaws.auth.DefaultAWSCredentialsProviderChain;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import com.amazonaws.auth.ProcessCredentialsProvider;
import com.amazonaws.auth.STSAssumeRoleSessionCredentialsProvider;
import com.amazonaws.auth.STSAssumeRoleWithWebIdentitySessionCredentialsProvider;
import com.amazonaws.auth.WebIdentityTokenCredentialsProvider;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.retry.PredefinedRetryPolicies;
import com.amazonaws.services.memorydb.AmazonMemoryDBClientBuilder;
import com.amazonaws.services.memorydb.model.DescribeClustersRequest;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.securitytoken.AWSSecurityTokenService;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.Credentials;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.services.securitytoken.model.GetSessionTokenRequest;
import com.amazonaws.services.sns.AmazonSNSClientBuilder;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;


/**
 * An ordinary SDK v1 application, run in a forked JVM by the ITs. It knows nothing of credwatch: it
 * makes the calls named on its command line and prints each outcome in a stable form, so that runs
 * with and without the agent can be compared line by line.
 *
 * <p>Configuration (system properties): {@code app.endpoint}, {@code app.region} (us-east-1),
 * {@code app.credentials} = static | session | default | instance-profile | container (the SDK's wrapper, which
 * reads AWS_CONTAINER_CREDENTIALS_FULL_URI) | sts-session (GetSessionToken, then its keys as static keys) |
 * web-identity ({@code app.roleArn}, {@code app.webIdentityTokenFile}, STS at the endpoint), one provider per run,
 * {@code app.accessKey}, {@code app.secretKey}, {@code app.sessionToken}, {@code app.maxRetries}.
 */
public final class V1App {
    private static AWSCredentialsProvider credentials;

    private V1App() {
    }

    public static void main(String[] args) {
        for (String call : args) {
            System.out.println("CALL " + call + " -> " + V1Outcome.of(() -> {
                invoke(call);
                return null;
            }));
        }
    }

    private static void invoke(String call) throws InterruptedException {
        switch (call) {
            case "sqs.listQueues" -> configure(AmazonSQSClientBuilder.standard()).build().listQueues();
            // What applications do after an auth error, and what SDK v1's background refresh does on its timer.
            case "credentials.refresh" -> credentials().refresh();
            // Time for a background refresh to run before the next call, or before the application exits.
            case "app.pause" -> Thread.sleep(1_500);
            case "sqs.sendMessage" -> configure(AmazonSQSClientBuilder.standard()).build()
                    .sendMessage(System.getProperty("app.queueUrl", endpoint() + "/000000000000/orders"), "hello");
            case "sns.listTopics" -> configure(AmazonSNSClientBuilder.standard()).build().listTopics();
            case "sns.publish" -> configure(AmazonSNSClientBuilder.standard()).build()
                    .publish("arn:aws:sns:us-east-1:000000000000:alerts", "hello");
            case "sts.getCallerIdentity" -> configure(AWSSecurityTokenServiceClientBuilder.standard()).build()
                    .getCallerIdentity(new GetCallerIdentityRequest());
            case "sts.getSessionToken" -> configure(AWSSecurityTokenServiceClientBuilder.standard()).build()
                    .getSessionToken(new GetSessionTokenRequest());
            case "s3.listBuckets" -> configure(AmazonS3ClientBuilder.standard().withPathStyleAccessEnabled(true))
                    .build().listBuckets();
            case "memorydb.describeClusters" -> configure(AmazonMemoryDBClientBuilder.standard()).build()
                    .describeClusters(new DescribeClustersRequest());
            default -> throw new IllegalArgumentException("unknown call " + call);
        }
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        ClientConfiguration configuration = new ClientConfiguration();
        String maxRetries = System.getProperty("app.maxRetries");
        if (maxRetries != null) {
            configuration.setRetryPolicy(PredefinedRetryPolicies.getDefaultRetryPolicyWithCustomMaxRetries(
                    Integer.parseInt(maxRetries)));
        }
        return builder.withClientConfiguration(configuration)
                .withEndpointConfiguration(new EndpointConfiguration(endpoint(), region()))
                .withCredentials(credentials());
    }

    /** One provider for the whole run, as applications keep theirs: a refreshing one then refreshes in place. */
    private static synchronized AWSCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = newCredentials();
        }
        return credentials;
    }

    private static AWSCredentialsProvider newCredentials() {
        String accessKey = System.getProperty("app.accessKey");
        String secretKey = System.getProperty("app.secretKey");
        return switch (System.getProperty("app.credentials", "static")) {
            case "static" -> new AWSStaticCredentialsProvider(new BasicAWSCredentials(accessKey, secretKey));
            case "session" -> new AWSStaticCredentialsProvider(
                    new BasicSessionCredentials(accessKey, secretKey, System.getProperty("app.sessionToken")));
            case "default" -> DefaultAWSCredentialsProviderChain.getInstance();
            case "instance-profile" -> InstanceProfileCredentialsProvider.getInstance();
            case "container" -> new EC2ContainerCredentialsProviderWrapper();
            case "sts-session" -> sessionFromSts(accessKey, secretKey);
            case "web-identity" -> webIdentity();
            // IRSA as the SDK sets it up from AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN (STS of AWS itself)
            case "web-identity-env" -> WebIdentityTokenCredentialsProvider.create();
            case "assume-role" -> assumeRole(accessKey, secretKey);
            case "process" -> ProcessCredentialsProvider.builder().withCommand(System.getProperty("app.command"))
                    .build();
            default -> throw new IllegalArgumentException("unknown credentials " + System.getProperty("app.credentials"));
        };
    }

    /** An IRSA-style role: the token file's content traded at STS (the fake's) for session keys. */
    private static AWSCredentialsProvider webIdentity() {
        AWSSecurityTokenService sts = AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint(), region()))
                .withCredentials(new AWSStaticCredentialsProvider(new AnonymousAWSCredentials())).build();
        return new STSAssumeRoleWithWebIdentitySessionCredentialsProvider.Builder(
                System.getProperty("app.roleArn"), "credwatch-it", System.getProperty("app.webIdentityTokenFile"))
                .withStsClient(sts).build();
    }

    /** A role assumed with the application's keys, refreshed by the provider (asynchronously near expiry). */
    private static AWSCredentialsProvider assumeRole(String accessKey, String secretKey) {
        // No retries: a throttled background refresh then ends within the run, not after the application exits.
        AWSSecurityTokenService sts = AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint(), region()))
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(accessKey, secretKey)))
                .build();
        return new STSAssumeRoleSessionCredentialsProvider.Builder(System.getProperty("app.roleArn"), "credwatch-it")
                .withStsClient(sts).build();
    }

    /** What many applications do: get session keys from STS once, then use them as static keys. */
    private static AWSCredentialsProvider sessionFromSts(String accessKey, String secretKey) {
        Credentials issued = AWSSecurityTokenServiceClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint(), region()))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(accessKey, secretKey)))
                .build()
                .getSessionToken(new GetSessionTokenRequest().withDurationSeconds(900))
                .getCredentials();
        return new AWSStaticCredentialsProvider(new BasicSessionCredentials(
                issued.getAccessKeyId(), issued.getSecretAccessKey(), issued.getSessionToken()));
    }

    private static String endpoint() {
        return System.getProperty("app.endpoint");
    }

    private static String region() {
        return System.getProperty("app.region", "us-east-1");
    }
}
