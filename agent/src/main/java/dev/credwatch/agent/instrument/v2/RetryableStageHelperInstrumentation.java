package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * SDK v2's {@code RetryableStageHelper} (an internal class, same shape 2.20 to 2.54): the sync and async
 * retry loops hand it each failed attempt's exception through {@code setLastException(Throwable)}. The
 * interceptor chain never sees an attempt a retry hid, and the SDK corrects clock skew exactly that way:
 * only the failed attempt shows RequestTimeTooSkewed and the server's Date. Missing in a future SDK, only
 * the hidden attempts are lost.
 */
public final class RetryableStageHelperInstrumentation implements TypeInstrumentation {
    public static final String TYPE = "software.amazon.awssdk.core.internal.http.pipeline.stages.utils.RetryableStageHelper";
    private static final String SELF = RetryableStageHelperInstrumentation.class.getName();

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public AgentBuilder addTo(AgentBuilder builder) {
        return builder.type(named(TYPE)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(RetryableStageHelperInstrumentation.class.getClassLoader())
                .advice(named("setLastException").and(takesArguments(1)), SELF + "$SetLastExceptionAdvice"));
    }

    /** On entry: the argument is the attempt's own exception, before the helper wraps or replaces it. */
    public static final class SetLastExceptionAdvice {
        private SetLastExceptionAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This Object helper, @Advice.Argument(0) Throwable exception) {
            V2CallTracker.attemptFailed(helper, exception);
        }
    }
}
