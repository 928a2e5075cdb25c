package dev.credwatch.it.harness;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret access key and no session token may appear in anything credwatch writes. */
public final class SecretScan {
    private SecretScan() {
    }

    public static void assertNoSecretIn(String output, Collection<String> secrets) {
        assertThat(secrets).as("the scan needs secrets to look for").isNotEmpty();
        for (String secret : secrets) {
            assertThat(output).as("output leaks a secret").doesNotContain(secret);
        }
    }
}
