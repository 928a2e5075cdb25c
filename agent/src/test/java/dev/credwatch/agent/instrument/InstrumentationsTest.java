package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.HookCall;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.instrument.v1.BaseCredentialsFetcherInstrumentation;
import dev.credwatch.agent.instrument.weave.ClassWeaver;
import dev.credwatch.agent.instrument.weave.DefiningLoader;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each declared hook exists, and each advised method exists in the SDK releases this build uses. */
class InstrumentationsTest {

    @Test
    void everyHookIsAPublicStaticDispatchMethodOfTheDescriptorWovenCodeCalls() throws Exception {
        List<String> hooks = new ArrayList<>();
        for (TypeInstrumentation type : Instrumentations.ALL) {
            for (AdvisedMethod method : type.advisedMethods()) {
                for (HookCall hook : new HookCall[] {method.enter(), method.exit()}) {
                    if (hook != null) {
                        Method target = hookMethod(hook);
                        assertThat(target).as(hook + " for " + type.typeName() + "." + method).isNotNull();
                        assertThat(Modifier.isStatic(target.getModifiers())).as(hook.toString()).isTrue();
                        assertThat(target.getDeclaringClass().getPackage().getName())
                                .isEqualTo("dev.credwatch.agent.instrument.dispatch");
                        hooks.add(hook.toString());
                    }
                }
            }
        }
        assertThat(hooks).hasSizeGreaterThan(25);
    }

    @Test
    void everyAdvisedMethodIsInTheBuildsSdkAndItsWovenClassVerifies() throws Exception {
        List<String> absentTypes = new ArrayList<>();
        for (TypeInstrumentation type : Instrumentations.ALL) {
            byte[] classFile = DefiningLoader.classFileOf(type.typeName());
            if (classFile == null) {
                absentTypes.add(type.typeName());
                continue;
            }
            for (AdvisedMethod method : type.advisedMethods()) {
                assertThat(ClassWeaver.weave(classFile, Collections.singletonList(method)))
                        .as(type.typeName() + " has " + method).isNotNull();
            }
            byte[] woven = ClassWeaver.weave(classFile, type.advisedMethods());
            // Linking the class, which getDeclaredMethods forces, runs the verifier over every woven method.
            assertThat(new DefiningLoader(type.typeName(), woven).loadClass(type.typeName()).getDeclaredMethods())
                    .isNotEmpty();
        }
        // SDK v1 before 1.11.678 only; the version matrix weaves it on 1.11.38.
        assertThat(absentTypes).containsExactly(BaseCredentialsFetcherInstrumentation.EC2_CREDENTIALS_FETCHER);
    }

    private static Method hookMethod(HookCall hook) throws ClassNotFoundException {
        for (Method method : Class.forName(hook.ownerInternalName().replace('/', '.')).getMethods()) {
            if (method.getName().equals(hook.methodName())
                    && Type.getMethodDescriptor(method).equals(hook.descriptor())) {
                return method;
            }
        }
        return null;
    }
}
