package dev.credwatch.agent.otelbridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanAttributesTest {
    @Test
    void keepsTheOrderAddedAndSkipsNullValues() {
        SpanAttributes attributes = new SpanAttributes().add("b", "2").add("skipped", null).add("a", 1L);

        assertThat(attributes.size()).isEqualTo(2);
        assertThat(attributes.key(0)).isEqualTo("b");
        assertThat(attributes.value(1)).isEqualTo(1L);
        assertThat(attributes.get("skipped")).isNull();
        assertThat(attributes).hasToString("{b=2, a=1}");
    }

    @Test
    void aKeyAddedAgainKeepsItsPlaceAndTakesTheNewValue() {
        SpanAttributes attributes = new SpanAttributes().add("a", "first").add("b", "x").add("a", "second");

        assertThat(attributes.size()).isEqualTo(2);
        assertThat(attributes.key(0)).isEqualTo("a");
        assertThat(attributes.get("a")).isEqualTo("second");
    }

    @Test
    void growsPastItsFirstCapacity() {
        SpanAttributes attributes = new SpanAttributes();
        for (int i = 0; i < 30; i++) {
            attributes.add("key" + i, (long) i);
        }

        assertThat(attributes.size()).isEqualTo(30);
        assertThat(attributes.key(29)).isEqualTo("key29");
        assertThat(attributes.get("key17")).isEqualTo(17L);
    }
}
