package dev.credwatch.agent.instrument.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkAccessorsTest {

    /** Stands for an SDK class: a public type with getters, fields, and a superclass holding more fields. */
    public static class Base {
        private final String inherited = "from the superclass";
    }

    public static class Provider extends Base {
        private final Object lastUsedProvider = "the winner";
        private static final String CONSTANT = "static, not an instance field";
        public static final String PUBLIC_CONSTANT = "a public constant";

        public String getName() {
            return "provider";
        }

        public Object echo(Object argument) {
            return argument;
        }

        public Object fails() {
            throw new IllegalStateException("boom");
        }
    }

    /** A non-public implementation whose methods are declared by a public interface. */
    private static final class Hidden implements Comparable<Object> {
        @Override
        public int compareTo(Object other) {
            return 0;
        }

        @Override
        public String toString() {
            return "hidden";
        }
    }

    @Test
    void callsPublicMethodsByName() {
        assertThat(SdkAccessors.call(new Provider(), "getName")).isEqualTo("provider");
        assertThat(SdkAccessors.call(new Provider(), "echo", 42)).isEqualTo(42);
    }

    @Test
    void aMissingMemberOrNullTargetIsNullNotAnError() {
        assertThat(SdkAccessors.call(new Provider(), "getNothing")).isNull();
        assertThat(SdkAccessors.call(new Provider(), "echo")).isNull();
        assertThat(SdkAccessors.call(null, "getName")).isNull();
        assertThat(SdkAccessors.call(null, "echo", 1)).isNull();
        assertThat(SdkAccessors.field(null, "lastUsedProvider")).isNull();
        assertThat(SdkAccessors.field(new Provider(), "noSuchField")).isNull();
    }

    @Test
    void readsPrivateFieldsAlsoFromSuperclassesButNeverStaticOnes() {
        assertThat(SdkAccessors.field(new Provider(), "lastUsedProvider")).isEqualTo("the winner");
        assertThat(SdkAccessors.field(new Provider(), "inherited")).isEqualTo("from the superclass");
        assertThat(SdkAccessors.field(new Provider(), "CONSTANT")).isNull();
    }

    @Test
    void readsPublicStaticConstants() {
        assertThat(SdkAccessors.staticField(Provider.class, "PUBLIC_CONSTANT")).isEqualTo("a public constant");
        assertThat(SdkAccessors.staticField(Provider.class, "CONSTANT")).isNull();
        assertThat(SdkAccessors.staticField(Provider.class, "getName")).isNull();
    }

    @Test
    void findsAMethodWhereAPublicTypeDeclaresIt() {
        // Collections' unmodifiable list is a private class: size() is reached through the List interface.
        List<String> hidden = Collections.unmodifiableList(new ArrayList<>(List.of("a", "b")));
        assertThat(SdkAccessors.call(hidden, "size")).isEqualTo(2);
        assertThat(SdkAccessors.call(new Hidden(), "toString")).isEqualTo("hidden");
    }

    @Test
    void aMemberThatFailsWhenCalledSaysWhichOneAndWhere() {
        assertThatThrownBy(() -> SdkAccessors.call(new Provider(), "fails"))
                .isInstanceOf(SdkAccessors.SdkAccessException.class)
                .hasMessageContaining("fails").hasMessageContaining(Provider.class.getName())
                .hasRootCauseMessage("boom");
    }

    @Test
    void eachClassGetsItsOwnLookup() {
        // The same member name on two unrelated classes resolves per class, not once for all.
        assertThat(SdkAccessors.call("text", "length")).isEqualTo(4);
        assertThat(SdkAccessors.call(List.of(1, 2, 3), "size")).isEqualTo(3);
        assertThat(SdkAccessors.call(new Provider(), "length")).isNull();
    }
}
