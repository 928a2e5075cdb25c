package dev.credwatch.fatjar;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

/**
 * One STS call through SDK v2, from inside a Spring Boot executable jar: the SDK classes are loaded by the
 * launcher's class loader from nested jars. Prints the outcome in a form two runs can compare.
 */
public final class FatJarV2App {
    private FatJarV2App() {
    }

    public static void main(String[] args) {
        String outcome;
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(System.getProperty("app.endpoint")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getProperty("app.accessKey"), System.getProperty("app.secretKey"))))
                .build()) {
            sts.getCallerIdentity();
            outcome = "ok";
        } catch (AwsServiceException e) {
            outcome = "code=" + e.awsErrorDetails().errorCode() + " status=" + e.statusCode();
        }
        System.out.println("CALL sts.getCallerIdentity -> " + outcome + " (loaded by "
                + FatJarV2App.class.getClassLoader().getClass().getSimpleName() + ")");
    }
}
