package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;

/**
 * SDK v2's {@code RetryableStageHelper} (an internal class, same shape 2.20 to 2.54): the sync and async
 * retry loops hand it each failed attempt's exception through {@code setLastException(Throwable)}. The
 * interceptor chain never sees an attempt a retry hid, and the SDK corrects clock skew exactly that way:
 * only the failed attempt shows RequestTimeTooSkewed and the server's Date. Missing in a future SDK, only
 * the hidden attempts are lost.
 */
public final class RetryableStageHelperInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.core.internal.http.pipeline.stages.utils.RetryableStageHelper";

    public RetryableStageHelperInstrumentation() {
        super(TYPE, V2_HOOKS);
    }

    /** On entry: the argument is the attempt's own exception, before the helper wraps or replaces it. */
    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("setLastException", 1).onEnter("attemptFailed", self(), argument(0)));
    }
}
