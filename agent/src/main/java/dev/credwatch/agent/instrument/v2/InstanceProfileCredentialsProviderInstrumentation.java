package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Collections;
import java.util.List;

/**
 * SDK v2's {@code InstanceProfileCredentialsProvider}: {@code getToken} requests the IMDSv2 session token and
 * returns null (2.20 to 2.54) when that fails and the SDK falls back to IMDSv1, or throws when the fallback is
 * disabled. Inside a container on EC2 that request is the one the instance's hop limit of 1 drops.
 */
public final class InstanceProfileCredentialsProviderInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider";

    public InstanceProfileCredentialsProviderInstrumentation() {
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advice("getToken", 1, "GetTokenAdvice"));
    }

    public static final class GetTokenAdvice {
        private GetTokenAdvice() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Return Object token, @Advice.Thrown Throwable thrown) {
            Hooks.v2Fetches().tokenRequestEnded(token, thrown);
        }
    }
}
