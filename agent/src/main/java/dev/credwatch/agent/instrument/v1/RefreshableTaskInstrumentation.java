package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

/**
 * SDK v1's {@code RefreshableTask} (aws-java-sdk-sts), which every STS session provider (assume role, session
 * token, web identity) refreshes through: {@code refreshValue} calls STS, on the caller's thread when the
 * session is about to expire (blocking), on its executor before that (asynchronous, failures swallowed).
 */
public final class RefreshableTaskInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "com.amazonaws.auth.RefreshableTask";

    public RefreshableTaskInstrumentation() {
        super(TYPE, V1_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("refreshValue", 0).onEnter("sessionRefreshStarting", self())
                .onExit("sessionRefreshEnded", entered(), self(), thrown()));
    }
}
