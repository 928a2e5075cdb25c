package dev.credwatch.agent.instrument.weave;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.allArguments;
import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.field;
import static dev.credwatch.agent.instrument.core.AdviceValue.returned;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Woven classes are defined in a loader of their own, so the JVM's verifier checks every woven method. */
class ClassWeaverTest {
    private static final String SUBJECT = WeavingSubject.class.getName();

    @BeforeEach
    void clearCalls() {
        RecordingHooks.CALLS.clear();
    }

    private static AdvisedMethod advise(String method, int parameters) {
        return AdvisedMethod.of(method, parameters, RecordingHooks.NAME);
    }

    private static AdvisedMethod bracketed(String method, int parameters) {
        return advise(method, parameters).onEnter("entered", self())
                .onExit("exited", entered(), field("name"), returned(), thrown());
    }

    @Test
    void everyReturnCallsTheExitHookWithTheReturnedValue() throws Throwable {
        Object subject = woven(bracketed("twoReturns", 1));

        assertThat(invoke(subject, "twoReturns", true)).isEqualTo("first");
        assertThat(invoke(subject, "twoReturns", false)).isEqualTo("second");

        assertThat(RecordingHooks.CALLS).containsExactly(
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", "first", null),
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", "second", null));
    }

    @Test
    void aThrowReachesTheExitHookAndThenTheCallerUnchanged() throws Throwable {
        Object subject = woven(bracketed("throwsOn", 1));

        assertThatThrownBy(() -> invoke(subject, "throwsOn", "refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
        invoke(subject, "throwsOn", (Object) null);

        assertThat(RecordingHooks.CALLS).containsExactly(
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", null, "refused"),
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", null, null));
    }

    @Test
    void theMethodsOwnHandlersStillCatchFirst() throws Throwable {
        Object subject = woven(bracketed("catchesItsOwn", 1), bracketed("finallyBlock", 1));

        assertThat(invoke(subject, "catchesItsOwn", "inner")).isEqualTo("caught inner");
        assertThat(invoke(subject, "finallyBlock", "kept")).isEqualTo("kept");
        assertThatThrownBy(() -> invoke(subject, "finallyBlock", "")).hasMessage("empty");

        assertThat(RecordingHooks.CALLS).containsExactly(
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", "caught inner", null),
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", "kept", null),
                RecordingHooks.call("entered", "WeavingSubject"),
                RecordingHooks.call("exited", "token", "subject", null, "empty"));
    }

    @Test
    void wideLocalsAndPrimitiveArgumentsKeepTheFramesTrue() throws Throwable {
        Object subject = woven(advise("wide", 3).onEnter("arguments", allArguments()),
                advise("loopsAtOnce", 1).onExit("argumentAtExit", argument(0), thrown()));

        assertThat(invoke(subject, "wide", 5L, 2.5d, 3)).isEqualTo(11L);
        assertThat(invoke(subject, "loopsAtOnce", 4)).isEqualTo("subject");

        assertThat(RecordingHooks.CALLS).containsExactly(
                RecordingHooks.call("arguments", Arrays.asList(5L, 2.5d, 3)),
                RecordingHooks.call("argumentAtExit", 4, null));
    }

    @Test
    void aJavaFiveClassFileWithoutStackMapsIsWovenToo() throws Throwable {
        byte[] classFile = subjectClassFile();
        classFile[7] = 49;

        Object subject = define(ClassWeaver.weave(classFile, Collections.singletonList(bracketed("twoReturns", 1))));

        assertThat(invoke(subject, "twoReturns", false)).isEqualTo("second");
        assertThat(RecordingHooks.CALLS).hasSize(2);
    }

    @Test
    void hooksNeedingWhatTheMethodLacksAreRefusedBeforeAnythingIsWritten() throws IOException {
        assertThatThrownBy(() -> ClassWeaver.weave(subjectClassFile(),
                Collections.singletonList(advise("statically", 1).onEnter("entered", self()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the method is static");
        assertThatThrownBy(() -> ClassWeaver.weave(subjectClassFile(),
                Collections.singletonList(advise("twoReturns", 1).onEnter("entered", field("missing")))))
                .hasMessageContaining("no instance field missing");
        assertThatThrownBy(() -> ClassWeaver.weave(subjectClassFile(),
                Collections.singletonList(advise("wide", 3).onExit("exited", returned()))))
                .hasMessageContaining("returns a primitive");
    }

    @Test
    void aClassWithoutTheAdvisedMethodsIsLeftAlone() throws IOException {
        assertThat(ClassWeaver.weave(subjectClassFile(), Collections.singletonList(bracketed("absent", 0)))).isNull();
    }

    private static Object woven(AdvisedMethod... advice) throws Exception {
        List<AdvisedMethod> methods = Arrays.asList(advice);
        return define(ClassWeaver.weave(subjectClassFile(), methods));
    }

    private static Object define(byte[] classFile) throws Exception {
        Class<?> type = new DefiningLoader(SUBJECT, classFile).loadClass(SUBJECT);
        assertThat(type.getClassLoader()).isInstanceOf(DefiningLoader.class);
        return type.getDeclaredConstructor().newInstance();
    }

    private static Object invoke(Object subject, String name, Object... arguments) throws Throwable {
        for (Method method : subject.getClass().getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(subject, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    private static byte[] subjectClassFile() throws IOException {
        return DefiningLoader.classFileOf(SUBJECT);
    }
}
