package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.self;

/**
 * SDK v2's {@code StsCredentialsProvider} (sts module), the base of the assume-role, session-token and web
 * identity providers: {@code updateSessionCredentials} runs inside its cache's refresh, and says whose cache it
 * is, which the cache itself cannot (it is named while the provider is still being constructed).
 */
public final class StsCredentialsProviderInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.services.sts.auth.StsCredentialsProvider";

    public StsCredentialsProviderInstrumentation() {
        super(TYPE, V2_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("updateSessionCredentials", 0).onEnter("stsRefreshing", self()));
    }
}
