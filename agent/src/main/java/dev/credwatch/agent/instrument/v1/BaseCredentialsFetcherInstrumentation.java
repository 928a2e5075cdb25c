package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Arrays;
import java.util.List;

/**
 * SDK v1's {@code BaseCredentialsFetcher}, behind {@code InstanceProfileCredentialsProvider} and
 * {@code ContainerCredentialsProvider}: {@code fetchCredentials} reads the endpoint when the keys are due,
 * {@code handleError} sees each failure and either throws (no usable keys left) or keeps the old keys. The
 * named type is the abstract base itself: its private methods are not overridden. Before 1.11.678 both
 * providers used {@code EC2CredentialsFetcher}, with the same private members: one advice serves both.
 */
public final class BaseCredentialsFetcherInstrumentation extends TypeInstrumentation {
    /** 1.11.678 and later. */
    public static final String BASE_CREDENTIALS_FETCHER = "com.amazonaws.auth.BaseCredentialsFetcher";
    /** 1.11.38 to 1.11.677. */
    public static final String EC2_CREDENTIALS_FETCHER = "com.amazonaws.auth.EC2CredentialsFetcher";

    public BaseCredentialsFetcherInstrumentation(String type) {
        super(type);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advice("fetchCredentials", 0, "FetchCredentialsAdvice"),
                advice("handleError", AdvisedMethod.ANY_PARAMETERS, "HandleErrorAdvice"));
    }

    public static final class FetchCredentialsAdvice {
        private FetchCredentialsAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.This Object fetcher) {
            return Hooks.v1Fetches().fetcherStarting(fetcher);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object state, @Advice.This Object fetcher,
                                @Advice.Thrown Throwable thrown) {
            if (state != null) {
                Hooks.v1Fetches().fetcherEnded(state, fetcher, thrown);
            }
        }
    }

    /** Entry: the failure. Normal exit (no throw): old keys are kept. */
    public static final class HandleErrorAdvice {
        private HandleErrorAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.AllArguments Object[] arguments) {
            Hooks.v1Fetches().fetcherFailed(arguments);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This Object fetcher) {
            Hooks.v1Fetches().fetcherKeptOldKeys(fetcher);
        }
    }
}
