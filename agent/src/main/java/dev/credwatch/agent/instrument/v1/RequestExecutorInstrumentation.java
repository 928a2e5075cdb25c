package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.field;
import static dev.credwatch.agent.instrument.core.AdviceValue.returned;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

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
        super(TYPE, V1_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                // Brackets the whole call, retries included.
                advise("doExecute", 0).onEnter("callStarted", self())
                        .onExit("callEnded", entered(), field("request"), field("executionContext"), returned(),
                                thrown()),
                // The credentials object the signer is about to use.
                advise("getCredentialsFromContext", 0).onExit("credentialsResolved", returned()),
                // The service exception built from an error response, whether or not the SDK retries it.
                advise("handleErrorResponse", AdvisedMethod.ANY_PARAMETERS).onExit("attemptFailed", returned()),
                // The call succeeded; the request handlers' afterResponse is about to run.
                advise("afterResponse", 1).onEnter("succeeding", field("request"), field("executionContext"),
                        argument(0)),
                // The call failed with an AmazonClientException; the handlers' afterError is about to run.
                advise("afterError", 2).onEnter("failing", field("request"), field("executionContext"),
                        argument(1)));
    }
}
