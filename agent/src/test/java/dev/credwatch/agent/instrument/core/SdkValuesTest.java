package dev.credwatch.agent.instrument.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class SdkValuesTest {

    @Test
    void anAnonymousClassOrALambdaIsNamedByTheClassThatDeclaredIt() {
        Callable<String> anonymous = new Callable<String>() {
            @Override
            public String call() {
                return "session";
            }
        };
        Supplier<String> lambda = () -> "session";

        assertThat(SdkValues.declaringSimpleName(anonymous)).isEqualTo("SdkValuesTest");
        assertThat(SdkValues.declaringSimpleName(lambda)).isEqualTo("SdkValuesTest");
        assertThat(SdkValues.declaringSimpleName("a string")).isEqualTo("String");
        assertThat(SdkValues.declaringSimpleName(null)).isNull();
    }
}
