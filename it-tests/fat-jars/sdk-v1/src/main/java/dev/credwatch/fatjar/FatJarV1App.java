package dev.credwatch.fatjar;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;

/**
 * One STS call through SDK v1, from inside a Spring Boot executable jar: the SDK classes are loaded by the
 * launcher's class loader from nested jars. Prints the outcome in a form two runs can compare.
 */
public final class FatJarV1App {
    private FatJarV1App() {
    }

    public static void main(String[] args) {
        String outcome;
        try {
            AWSSecurityTokenServiceClientBuilder.standard()
                    .withEndpointConfiguration(new EndpointConfiguration(System.getProperty("app.endpoint"), "us-east-1"))
                    .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                            System.getProperty("app.accessKey"), System.getProperty("app.secretKey"))))
                    .build().getCallerIdentity(new GetCallerIdentityRequest());
            outcome = "ok";
        } catch (AmazonServiceException e) {
            outcome = "code=" + e.getErrorCode() + " status=" + e.getStatusCode();
        }
        System.out.println("CALL sts.getCallerIdentity -> " + outcome + " (loaded by "
                + FatJarV1App.class.getClassLoader().getClass().getSimpleName() + ")");
    }
}
