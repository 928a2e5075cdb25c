package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

/**
 * SDK v1's {@code ProcessCredentialsProvider} ({@code credential_process}, also behind a profile): {@code refresh}
 * runs the command and parses its output, whenever the keys are due. Its output is never read by credwatch.
 */
public final class ProcessCredentialsProviderInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "com.amazonaws.auth.ProcessCredentialsProvider";

    public ProcessCredentialsProviderInstrumentation() {
        super(TYPE, V1_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("refresh", 0).onEnter("processRefreshStarting")
                .onExit("processRefreshEnded", entered(), self(), thrown()));
    }
}
