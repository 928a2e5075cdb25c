package dev.credwatch.agent.instrument.v1;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * SDK v1's {@code AmazonHttpClient$RequestExecutor} (1.11.38+), one instance per call. Instrumenting it,
 * rather than client constructors, also covers clients built before a runtime attach.
 * {@code doExecute} runs once per call, {@code getCredentialsFromContext} before each signing, and
 * {@code handleErrorResponse} once per failed attempt, including attempts a retry later hides.
 */
public final class RequestExecutorInstrumentation {
    public static final String TYPE = "com.amazonaws.http.AmazonHttpClient$RequestExecutor";
    private static final String SELF = RequestExecutorInstrumentation.class.getName();

    private RequestExecutorInstrumentation() {
    }

    public static AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named(TYPE)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(RequestExecutorInstrumentation.class.getClassLoader())
                .advice(named("doExecute").and(takesArguments(0)), SELF + "$CallAdvice")
                .advice(named("getCredentialsFromContext").and(takesArguments(0)), SELF + "$CredentialsAdvice")
                .advice(named("handleErrorResponse"), SELF + "$FailedAttemptAdvice"));
    }

    /** Brackets the whole call, retries included. */
    public static final class CallAdvice {
        private CallAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter() {
            return V1CallTracker.callStarted();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object call,
                                @Advice.FieldValue("request") Object request,
                                @Advice.FieldValue("executionContext") Object executionContext,
                                @Advice.Return Object response,
                                @Advice.Thrown Throwable thrown) {
            V1CallTracker.callEnded(call, request, executionContext, response, thrown);
        }
    }

    /** The credentials object the signer is about to use. */
    public static final class CredentialsAdvice {
        private CredentialsAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return Object credentials) {
            V1CallTracker.credentialsResolved(credentials);
        }
    }

    /** The service exception built from an error response, whether or not the SDK retries it. */
    public static final class FailedAttemptAdvice {
        private FailedAttemptAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return Object exception) {
            V1CallTracker.attemptFailed(exception);
        }
    }
}
