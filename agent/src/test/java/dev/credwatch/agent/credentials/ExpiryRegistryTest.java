package dev.credwatch.agent.credentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryRegistryTest {
    private static final Instant EXPIRY = Instant.parse("2026-12-01T13:00:00Z");

    @Test
    void remembersAKeysExpiry() {
        ExpiryRegistry registry = new ExpiryRegistry(8);
        registry.learn("ASIAKEEP000000000001", EXPIRY);

        assertThat(registry.expiryOf("ASIAKEEP000000000001")).isEqualTo(EXPIRY);
        assertThat(registry.expiryOf("ASIAUNKNOWN000000001")).isNull();
    }

    @Test
    void anApplicationWithEndlessSessionKeysKeepsOnlyTheMostRecentlyUsed() {
        ExpiryRegistry registry = new ExpiryRegistry(ExpiryRegistry.DEFAULT_CAPACITY);
        registry.learn("ASIAFIRST00000000001", EXPIRY);
        registry.learn("ASIAINUSE00000000001", EXPIRY);

        for (int i = 0; i < 100_000; i++) {
            registry.learn(String.format("ASIA%016d", i), EXPIRY);
            if (i % 500 == 0) {
                registry.expiryOf("ASIAINUSE00000000001");
            }
        }

        assertThat(registry.size()).isEqualTo(ExpiryRegistry.DEFAULT_CAPACITY);
        assertThat(registry.expiryOf("ASIAFIRST00000000001")).isNull();
        assertThat(registry.expiryOf("ASIAINUSE00000000001")).as("a key still in use stays").isEqualTo(EXPIRY);
    }
}
