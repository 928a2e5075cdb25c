package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.returned;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

/**
 * SDK v2's {@code InstanceProfileCredentialsProvider}: {@code getToken} requests the IMDSv2 session token and
 * returns null (2.20 to 2.54) when that fails and the SDK falls back to IMDSv1, or throws when the fallback is
 * disabled. Inside a container on EC2 that request is the one the instance's hop limit of 1 drops.
 */
public final class InstanceProfileCredentialsProviderInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider";

    public InstanceProfileCredentialsProviderInstrumentation() {
        super(TYPE, V2_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("getToken", 1).onExit("tokenRequestEnded", returned(), thrown()));
    }
}
