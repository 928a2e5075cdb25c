package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Collections;
import java.util.List;

/**
 * SDK v1's {@code ProcessCredentialsProvider} ({@code credential_process}, also behind a profile): {@code refresh}
 * runs the command and parses its output, whenever the keys are due. Its output is never read by credwatch.
 */
public final class ProcessCredentialsProviderInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "com.amazonaws.auth.ProcessCredentialsProvider";

    public ProcessCredentialsProviderInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advice("refresh", 0, "RefreshAdvice"));
    }

    public static final class RefreshAdvice {
        private RefreshAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter() {
            return Hooks.v1Fetches().processRefreshStarting();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object state, @Advice.This Object provider,
                                @Advice.Thrown Throwable thrown) {
            if (state != null) {
                Hooks.v1Fetches().processRefreshEnded(state, provider, thrown);
            }
        }
    }
}
