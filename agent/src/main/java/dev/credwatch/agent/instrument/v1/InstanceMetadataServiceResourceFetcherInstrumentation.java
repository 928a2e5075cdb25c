package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

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
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advice("handleException", 1, "HandleExceptionAdvice"));
    }

    public static final class HandleExceptionAdvice {
        private HandleExceptionAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter() {
            Hooks.v1Fetches().tokenRequestFailed();
        }
    }
}
