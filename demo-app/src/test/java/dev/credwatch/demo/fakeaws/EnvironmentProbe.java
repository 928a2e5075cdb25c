package dev.credwatch.demo.fakeaws;

import com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;

/** Run in a child JVM by {@link EnvironmentConfiguredProvidersTest}; prints the key id each provider got. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static void main(String[] args) {
        // v1's wrapper picks the full-URI container provider when AWS_CONTAINER_CREDENTIALS_FULL_URI is set.
        System.out.println("v1-container " + new EC2ContainerCredentialsProviderWrapper().getCredentials().getAWSAccessKeyId());
        System.out.println("v2-container " + software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.create()
                .resolveCredentials().accessKeyId());
        System.out.println("v1-imds " + new InstanceProfileCredentialsProvider(false).getCredentials().getAWSAccessKeyId());
        try (var v2 = software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider.create()) {
            System.out.println("v2-imds " + v2.resolveCredentials().accessKeyId());
        }
    }
}
