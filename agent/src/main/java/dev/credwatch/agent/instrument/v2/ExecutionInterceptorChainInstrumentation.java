package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Arrays;
import java.util.List;

/**
 * SDK v2's {@code ExecutionInterceptorChain} (2.0 to today, unchanged): every client, sync and async, runs
 * each call through one. Advising the chain, rather than adding an interceptor of our own, covers clients
 * built before a runtime attach and leaves the user's interceptors, their order and the request untouched.
 * {@code beforeExecution} starts a call, {@code afterExecution} ends a success and {@code onExecutionFailure}
 * a failure, both after the SDK's own retries. Both report on entry when a tracer's span must still be open
 * (the OpenTelemetry Java agent ends its v2 span in its own interceptor's {@code afterExecution} and
 * {@code onExecutionFailure}); a success without one is reported after the interceptors.
 */
public final class ExecutionInterceptorChainInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.core.interceptor.ExecutionInterceptorChain";

    public ExecutionInterceptorChainInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advice("beforeExecution", 2, "BeforeExecutionAdvice"),
                advice("afterExecution", 2, "AfterExecutionAdvice"),
                advice("onExecutionFailure", 2, "OnExecutionFailureAdvice"));
    }

    /** Before the interceptors run, so the call state exists for them all; a throw there ends the call. */
    public static final class BeforeExecutionAdvice {
        private BeforeExecutionAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.Argument(1) Object executionAttributes) {
            return Hooks.v2Calls().callStarted(executionAttributes);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object token, @Advice.Argument(1) Object executionAttributes,
                                @Advice.Thrown Throwable thrown) {
            Hooks.v2Calls().startEnded(token, executionAttributes, thrown);
        }
    }

    /**
     * Entry: beside the OpenTelemetry Java agent, before its interceptor ends its span. Exit: after the
     * interceptors returned normally; if one throws, the SDK reports a failure instead.
     */
    public static final class AfterExecutionAdvice {
        private AfterExecutionAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(0) Object context, @Advice.Argument(1) Object executionAttributes) {
            Hooks.v2Calls().successBeforeInterceptors(context, executionAttributes);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) Object context, @Advice.Argument(1) Object executionAttributes) {
            Hooks.v2Calls().successAfterInterceptors(context, executionAttributes);
        }
    }

    /** The failure as the application will see it (after {@code modifyException}), before any interceptor. */
    public static final class OnExecutionFailureAdvice {
        private OnExecutionFailureAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(0) Object context, @Advice.Argument(1) Object executionAttributes) {
            Hooks.v2Calls().failureBeforeInterceptors(context, executionAttributes);
        }
    }
}
