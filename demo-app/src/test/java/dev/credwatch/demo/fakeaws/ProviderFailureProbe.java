package dev.credwatch.demo.fakeaws;

import com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Run in a child JVM by {@link ContainerFaultsTest}: asks the default container providers that
 * read {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} from the environment for credentials and prints,
 * per provider, one tab-separated line: name, milliseconds, then {@code OK} or the cause chain.
 */
public final class ProviderFailureProbe {
    private ProviderFailureProbe() {
    }

    public static void main(String[] args) {
        // SDK v1's wrapper is what its default chain uses; only it honours the full URI (with its own retry policy).
        report("v1-wrapper", () -> new EC2ContainerCredentialsProviderWrapper().getCredentials().getAWSAccessKeyId());
        report("v2-container", () -> {
            try (var provider = software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.create()) {
                return provider.resolveCredentials().accessKeyId();
            }
        });
    }

    private static void report(String name, Callable<String> call) {
        Failures.Timed<String> outcome = Failures.timed(call);
        List<String> result = outcome.failure() == null ? List.of("OK") : outcome.chain();
        System.out.println(name + "\t" + outcome.millis() + "\t" + String.join("\t", result));
    }
}
