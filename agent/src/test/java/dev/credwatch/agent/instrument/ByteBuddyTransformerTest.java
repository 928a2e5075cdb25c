package dev.credwatch.agent.instrument;

import net.bytebuddy.dynamic.Nexus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteBuddyTransformerTest {

    @Test
    void buildingTheTransformerLeavesNoSystemPropertyBehind() {
        assertThat(ByteBuddyTransformer.create()).isNotNull();

        assertThat(System.getProperty(Nexus.PROPERTY)).isNull();
    }

    @Test
    void aPropertyTheApplicationSetIsRestored() {
        System.setProperty(Nexus.PROPERTY, "false");
        try {
            assertThat(ByteBuddyTransformer.create()).isNotNull();

            assertThat(System.getProperty(Nexus.PROPERTY)).isEqualTo("false");
        } finally {
            System.clearProperty(Nexus.PROPERTY);
        }
    }
}
