package dev.credwatch.demo.fakeaws;

import com.amazonaws.auth.ContainerCredentialsProvider;
import com.amazonaws.auth.InstanceProfileCredentialsProvider;
import com.amazonaws.internal.CredentialsEndpointProvider;
import java.net.URI;
import java.util.Map;

/**
 * Both SDKs' own instance-profile and container providers pointed at the fake the way a test can
 * do it inside this JVM, each asked once for credentials: the outcome is the key id or what the
 * provider threw, and how long it took ({@link Failures.Timed}). New providers every time, so that
 * no cached credentials hide a fault.
 */
final class CredentialProviders {
    /** SDK v1's IMDS endpoint; see {@link FakeAwsExtension#withSdkV1ImdsOnTheFake}. */
    static final String V1_IMDS_ENDPOINT = "com.amazonaws.sdk.ec2MetadataServiceEndpointOverride";
    static final String V2_IMDS_ENDPOINT = "aws.ec2MetadataServiceEndpoint";
    static final String V2_CONTAINER_FULL_URI = "aws.containerCredentialsFullUri";
    static final String V2_CONTAINER_TOKEN = "aws.containerAuthorizationToken";

    /** The outermost exception of SDK v2's instance-profile provider, whatever failed underneath. */
    static final String V2_IMDS_FAILED = "software.amazon.awssdk.core.exception.SdkClientException: "
            + "Failed to load credentials from IMDS.";
    /** The outermost exception of SDK v2's container provider when the endpoint fails or is too slow. */
    static final String V2_CONTAINER_FAILED = "software.amazon.awssdk.core.exception.SdkClientException: "
            + "Failed to load credentials from metadata service.";

    private CredentialProviders() {
    }

    /** SDK v1's instance-profile provider; it finds the fake through {@link #V1_IMDS_ENDPOINT} only. */
    static Failures.Timed<String> imdsV1() {
        return Failures.timed(() -> {
            try (var provider = new InstanceProfileCredentialsProvider(false)) {
                return provider.getCredentials().getAWSAccessKeyId();
            }
        });
    }

    static Failures.Timed<String> imdsV2(FakeAws fake) {
        return Failures.timed(() -> {
            try (var provider = software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider.builder()
                    .endpoint(fake.instanceMetadataEndpoint()).build()) {
                return provider.resolveCredentials().accessKeyId();
            }
        });
    }

    /** SDK v1's container provider by its public constructor, which retries nothing (its environment route does). */
    static Failures.Timed<String> containerV1(FakeAws fake) {
        CredentialsEndpointProvider endpoint = containerEndpoint(fake.containerCredentialsUri(), null);
        return Failures.timed(() -> new ContainerCredentialsProvider(endpoint).getCredentials().getAWSAccessKeyId());
    }

    /** SDK v2's container provider, configured by {@link #V2_CONTAINER_FULL_URI} for this one call. */
    static Failures.Timed<String> containerV2(FakeAws fake) {
        System.setProperty(V2_CONTAINER_FULL_URI, fake.containerCredentialsUri());
        try {
            return Failures.timed(() -> {
                try (var provider = software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.builder()
                        .build()) {
                    return provider.resolveCredentials().accessKeyId();
                }
            });
        } finally {
            System.clearProperty(V2_CONTAINER_FULL_URI);
        }
    }

    /**
     * The endpoint for SDK v1's {@link ContainerCredentialsProvider}: in-process it cannot read
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, which
     * it takes from the environment only. {@code authorization} may be null (no header).
     */
    static CredentialsEndpointProvider containerEndpoint(String uri, String authorization) {
        return new CredentialsEndpointProvider() {
            @Override
            public URI getCredentialsEndpoint() {
                return URI.create(uri);
            }

            @Override
            public Map<String, String> getHeaders() {
                return authorization == null ? Map.of() : Map.of("Authorization", authorization);
            }
        };
    }
}
