package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Collections;
import java.util.List;

/**
 * SDK v1's {@code RefreshableTask} (aws-java-sdk-sts), which every STS session provider (assume role, session
 * token, web identity) refreshes through: {@code refreshValue} calls STS, on the caller's thread when the
 * session is about to expire (blocking), on its executor before that (asynchronous, failures swallowed).
 */
public final class RefreshableTaskInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "com.amazonaws.auth.RefreshableTask";

    public RefreshableTaskInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advice("refreshValue", 0, "RefreshValueAdvice"));
    }

    public static final class RefreshValueAdvice {
        private RefreshValueAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.This Object task) {
            return Hooks.v1Fetches().sessionRefreshStarting(task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object state, @Advice.This Object task, @Advice.Thrown Throwable thrown) {
            if (state != null) {
                Hooks.v1Fetches().sessionRefreshEnded(state, task, thrown);
            }
        }
    }
}
