package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

/**
 * SDK v1's {@code InstanceMetadataServiceResourceFetcher} (1.11.678+, IMDSv2): {@code handleException} sees the
 * failure of the session-token request before the SDK falls back to IMDSv1 or gives up. Inside a container
 * on EC2 that request is the one the instance's hop limit of 1 drops.
 */
public final class InstanceMetadataServiceResourceFetcherInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "com.amazonaws.internal.InstanceMetadataServiceResourceFetcher";

    public InstanceMetadataServiceResourceFetcherInstrumentation() {
        super(TYPE, V1_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("handleException", 1).onEnter("tokenRequestFailed"));
    }
}
