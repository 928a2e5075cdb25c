package dev.credwatch.it.apps;

import com.amazonaws.AmazonWebServiceClient;
import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClient;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.services.sqs.AmazonSQSClient;

/**
 * {@link V1App}'s SQS and STS calls written with the API every SDK v1 release since 1.11.38 has, for
 * V1VersionMatrixIT. V1App itself cannot run there: it names SNS, S3 and MemoryDB clients and newer credential
 * providers, which the JVM's verifier loads before the first call (NoClassDefFoundError on an sqs + sts class
 * path), and it configures its clients through {@code EndpointConfiguration}, which 1.11.38's builders lack. So
 * the clients here are built with the constructors and {@code setEndpoint}, the way 2016-era applications did.
 *
 * <p>Configuration (system properties): {@code app.endpoint}, {@code app.region} (us-east-1),
 * {@code app.accessKey}, {@code app.secretKey}, and {@code app.sessionToken} for session keys. Outcomes print as
 * V1App prints them, so runs with and without the agent compare line by line.
 */
public final class V1MatrixApp {
    private V1MatrixApp() {
    }

    public static void main(String[] args) {
        for (String call : args) {
            System.out.println("CALL " + call + " -> " + V1Outcome.of(() -> {
                invoke(call);
                return null;
            }));
        }
    }

    private static void invoke(String call) {
        switch (call) {
            case "sqs.listQueues" -> pointed(new AmazonSQSClient(credentials(), new ClientConfiguration())).listQueues();
            case "sqs.sendMessage" -> pointed(new AmazonSQSClient(credentials(), new ClientConfiguration()))
                    .sendMessage(endpoint() + "/000000000000/orders", "hello");
            case "sts.getCallerIdentity" -> pointed(new AWSSecurityTokenServiceClient(credentials(),
                    new ClientConfiguration())).getCallerIdentity(new GetCallerIdentityRequest());
            default -> throw new IllegalArgumentException("unknown call " + call);
        }
    }

    /** The fake AWS's endpoint; the region given explicitly, since a 127.0.0.1 host names none. */
    private static <C extends AmazonWebServiceClient> C pointed(C client) {
        client.setEndpoint(endpoint());
        client.setSignerRegionOverride(System.getProperty("app.region", "us-east-1"));
        return client;
    }

    private static AWSCredentialsProvider credentials() {
        if ("instance-profile".equals(System.getProperty("app.credentials"))) {
            // The constructor every release has; the instance-metadata endpoint comes from the SDK's override.
            return INSTANCE_PROFILE;
        }
        String accessKey = System.getProperty("app.accessKey");
        String secretKey = System.getProperty("app.secretKey");
        String sessionToken = System.getProperty("app.sessionToken");
        AWSCredentials keys = sessionToken == null ? new BasicAWSCredentials(accessKey, secretKey)
                : new BasicSessionCredentials(accessKey, secretKey, sessionToken);
        return new AWSStaticCredentialsProvider(keys);
    }

    private static final AWSCredentialsProvider INSTANCE_PROFILE = new InstanceProfileCredentialsProvider();

    private static String endpoint() {
        return System.getProperty("app.endpoint");
    }
}
