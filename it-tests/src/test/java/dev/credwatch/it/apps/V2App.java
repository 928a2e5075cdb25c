package dev.credwatch.it.apps;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.util.concurrent.CompletionException;

/**
 * An ordinary SDK v2 application, run in a forked JVM by the ITs; the v2 twin of {@link V1App}. It makes the
 * calls named on its command line and prints each outcome in a stable form, so that runs with and without the
 * agent compare line by line. A call is {@code service.operation} ({@code sqs.listQueues}), on a synchronous
 * client, or {@code async:service.operation} on an asynchronous one; {@code app.client=async} makes every
 * call asynchronous. The services live in nested classes, loaded only when called, so the app also runs on
 * a class path that holds only some service modules (the version matrix).
 *
 * <p>Configuration (system properties): {@code app.endpoint}, {@code app.region} (us-east-1),
 * {@code app.credentials} = static | session | default | instance-profile | container | sts-session | web-identity
 * | web-identity-or-static ({@code app.roleArn}, {@code app.webIdentityToken}, STS at the endpoint)
 * | sso ({@code app.ssoAccessToken}, the portal at the endpoint),
 * {@code app.accessKey}, {@code app.secretKey}, {@code app.sessionToken}, {@code app.client} (sync).
 */
public final class V2App {
    private static AwsCredentialsProvider credentials;

    private V2App() {
    }

    public static void main(String[] args) {
        boolean allAsync = "async".equals(System.getProperty("app.client"));
        for (String call : args) {
            boolean async = allAsync || call.startsWith("async:");
            String name = call.startsWith("async:") ? call.substring(6) : call;
            System.out.println("CALL " + call + " -> " + outcome(name, async));
        }
    }

    private static String outcome(String call, boolean async) {
        try {
            String[] parts = call.split("\\.", 2);
            switch (parts[0]) {
                case "sqs" -> V2Sqs.call(parts[1], async);
                case "sns" -> V2Sns.call(parts[1], async);
                case "sts" -> V2Sts.call(parts[1], async);
                case "s3" -> V2S3.call(parts[1], async);
                case "memorydb" -> V2MemoryDb.call(parts[1], async);
                default -> throw new IllegalArgumentException("unknown call " + call);
            }
            return "ok";
        } catch (CompletionException e) {
            return "exception=" + e.getClass().getName() + " cause: " + describe(e.getCause());
        } catch (Exception e) {
            return describe(e);
        }
    }

    /** The exception's type, code, status and message, with run-specific values (request ids) replaced. */
    static String describe(Throwable e) {
        if (e instanceof AwsServiceException service) {
            return "exception=" + e.getClass().getName() + " code=" + service.awsErrorDetails().errorCode()
                    + " status=" + service.statusCode() + " message=" + stable(e.getMessage());
        }
        return "exception=" + e.getClass().getName() + " message=" + stable(e.getMessage()) + " cause="
                + (e.getCause() == null ? null : e.getCause().getClass().getName());
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B sync(B builder) {
        return common(builder).httpClient(ApacheHttpClient.builder().build());
    }

    static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B async(B builder) {
        return common(builder).httpClient(NettyNioAsyncHttpClient.builder().build());
    }

    private static <B extends AwsClientBuilder<B, ?>> B common(B builder) {
        return builder.endpointOverride(URI.create(endpoint())).region(Region.of(region()))
                .credentialsProvider(credentials());
    }

    /** One provider for the whole run, as an application holds it: refreshing providers keep their cache. */
    private static synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            String accessKey = System.getProperty("app.accessKey");
            String secretKey = System.getProperty("app.secretKey");
            credentials = switch (System.getProperty("app.credentials", "static")) {
                case "static" -> StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
                case "session" -> StaticCredentialsProvider.create(AwsSessionCredentials.create(accessKey, secretKey,
                        System.getProperty("app.sessionToken")));
                case "default" -> DefaultCredentialsProvider.builder().build();
                case "instance-profile" -> InstanceProfileCredentialsProvider.builder().build();
                case "container" -> ContainerCredentialsProvider.builder().build();
                case "sts-session" -> sessionFromSts(accessKey, secretKey);
                case "web-identity" -> webIdentity();
                // IRSA as the SDK sets it up from AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN (STS of AWS itself)
                case "web-identity-env" -> WebIdentityTokenFileCredentialsProvider.create();
                case "sso" -> V2Sso.provider();
                case "process" -> ProcessCredentialsProvider.builder().command(System.getProperty("app.command"))
                        .build();
                // A role first, keys as a fallback: the chain goes on when the role fails.
                case "web-identity-or-static" -> AwsCredentialsProviderChain.builder()
                        .credentialsProviders(webIdentity(),
                                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                        .build();
                default -> throw new IllegalArgumentException("unknown credentials "
                        + System.getProperty("app.credentials"));
            };
        }
        return credentials;
    }

    /** An IRSA-style role: the token traded at STS (the fake's) for session keys, refreshed by the provider. */
    private static AwsCredentialsProvider webIdentity() {
        StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(region()))
                .httpClient(ApacheHttpClient.builder().build())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        return StsAssumeRoleWithWebIdentityCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(System.getProperty("app.roleArn")).roleSessionName("credwatch-it")
                        .webIdentityToken(System.getProperty("app.webIdentityToken")))
                .build();
    }

    /** What many applications do: get session keys from STS once, then use them as static keys. */
    private static AwsCredentialsProvider sessionFromSts(String accessKey, String secretKey) {
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(region()))
                .httpClient(ApacheHttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build()) {
            Credentials issued = sts.getSessionToken(b -> b.durationSeconds(900)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(issued.accessKeyId(),
                    issued.secretAccessKey(), issued.sessionToken()));
        }
    }

    static String endpoint() {
        return System.getProperty("app.endpoint");
    }

    private static String region() {
        return System.getProperty("app.region", "us-east-1");
    }

    private static String stable(String message) {
        return message == null ? null
                : message.replaceAll("Extended Request ID: [^;),]*", "Extended Request ID: <id>")
                        .replaceAll("Request ID: [^;),]*", "Request ID: <id>")
                        .replaceAll("@[0-9a-f]{6,8}", "@<hash>");
    }

    static IllegalArgumentException unknown(String service, String operation) {
        return new IllegalArgumentException("unknown call " + service + "." + operation);
    }
}
