package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

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
        super(TYPE, V2_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                // Before the interceptors run, so the call state exists for them all; a throw there ends the call.
                advise("beforeExecution", 2).onEnter("callStarted", argument(1))
                        .onExit("startEnded", entered(), argument(1), thrown()),
                // Entry: beside the OpenTelemetry Java agent, before its interceptor ends its span. Exit: after the
                // interceptors returned normally; if one throws, the SDK reports a failure instead.
                advise("afterExecution", 2).onEnter("successBeforeInterceptors", argument(0), argument(1))
                        .onExit("successAfterInterceptors", argument(0), argument(1)),
                // The failure as the application will see it (after modifyException), before any interceptor.
                advise("onExecutionFailure", 2).onEnter("failureBeforeInterceptors", argument(0), argument(1)));
    }
}
