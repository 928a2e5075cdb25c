package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Arrays;
import java.util.List;

/**
 * SDK v1's {@code AmazonHttpClient$RequestExecutor} (1.11.38+), one instance per call. Instrumenting it,
 * rather than client constructors, also covers clients built before a runtime attach.
 * {@code doExecute} runs once per call, {@code getCredentialsFromContext} before each signing, and
 * {@code handleErrorResponse} once per failed attempt, including attempts a retry later hides.
 * {@code afterResponse}/{@code afterError} run the request handlers once the outcome is known: the call is
 * reported on entering them, while a tracer's span (the OpenTelemetry Java agent ends its span in those
 * handlers) is still open and can carry credwatch's findings; {@code doExecute}'s exit is the fallback.
 */
public final class RequestExecutorInstrumentation extends TypeInstrumentation {
    public static final String TYPE = "com.amazonaws.http.AmazonHttpClient$RequestExecutor";

    public RequestExecutorInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advice("doExecute", 0, "DoExecuteAdvice"),
                advice("getCredentialsFromContext", 0, "GetCredentialsFromContextAdvice"),
                advice("handleErrorResponse", AdvisedMethod.ANY_PARAMETERS, "HandleErrorResponseAdvice"),
                advice("afterResponse", 1, "AfterResponseAdvice"),
                advice("afterError", 2, "AfterErrorAdvice"));
    }

    /** Brackets the whole call, retries included. */
    public static final class DoExecuteAdvice {
        private DoExecuteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.This Object executor) {
            return Hooks.v1Calls().callStarted(executor);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object call,
                                @Advice.FieldValue("request") Object request,
                                @Advice.FieldValue("executionContext") Object executionContext,
                                @Advice.Return Object response,
                                @Advice.Thrown Throwable thrown) {
            Hooks.v1Calls().callEnded(call, request, executionContext, response, thrown);
        }
    }

    /** The credentials object the signer is about to use. */
    public static final class GetCredentialsFromContextAdvice {
        private GetCredentialsFromContextAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return Object credentials) {
            Hooks.v1Calls().credentialsResolved(credentials);
        }
    }

    /** The service exception built from an error response, whether or not the SDK retries it. */
    public static final class HandleErrorResponseAdvice {
        private HandleErrorResponseAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return Object exception) {
            Hooks.v1Calls().attemptFailed(exception);
        }
    }

    /** The call succeeded; the request handlers' {@code afterResponse} is about to run. */
    public static final class AfterResponseAdvice {
        private AfterResponseAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.FieldValue("request") Object request,
                                 @Advice.FieldValue("executionContext") Object executionContext,
                                 @Advice.Argument(0) Object response) {
            Hooks.v1Calls().outcomeBeforeHandlers(request, executionContext, response, null);
        }
    }

    /** The call failed with an {@code AmazonClientException}; the handlers' {@code afterError} is about to run. */
    public static final class AfterErrorAdvice {
        private AfterErrorAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.FieldValue("request") Object request,
                                 @Advice.FieldValue("executionContext") Object executionContext,
                                 @Advice.Argument(1) Throwable thrown) {
            Hooks.v1Calls().outcomeBeforeHandlers(request, executionContext, null, thrown);
        }
    }
}
