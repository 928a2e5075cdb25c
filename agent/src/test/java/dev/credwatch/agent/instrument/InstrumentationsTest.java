package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.HookCall;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.instrument.v1.BaseCredentialsFetcherInstrumentation;
import dev.credwatch.agent.instrument.weave.ClassWeaver;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
            byte[] classFile = classFile(type.typeName());
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
            assertThat(new WovenLoader(type.typeName(), woven).loadClass(type.typeName()).getDeclaredMethods())
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

    private static byte[] classFile(String typeName) throws IOException {
        try (InputStream in = InstrumentationsTest.class.getClassLoader()
                .getResourceAsStream(typeName.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, read);
            }
            return bytes.toByteArray();
        }
    }

    /** Defines the woven SDK class itself, the rest of the SDK comes from the test class path. */
    private static final class WovenLoader extends ClassLoader {
        private final String name;
        private final byte[] classFile;

        WovenLoader(String name, byte[] classFile) {
            super(InstrumentationsTest.class.getClassLoader());
            this.name = name;
            this.classFile = classFile;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
