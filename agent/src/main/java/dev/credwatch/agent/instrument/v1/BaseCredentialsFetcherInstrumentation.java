package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.allArguments;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

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
        super(type, V1_HOOKS);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Arrays.asList(
                advise("fetchCredentials", 0).onEnter("fetcherStarting", self())
                        .onExit("fetcherEnded", entered(), self(), thrown()),
                // Entry: the failure. Normal exit (no throw): old keys are kept.
                advise("handleError", AdvisedMethod.ANY_PARAMETERS).onEnter("fetcherFailed", allArguments())
                        .onExit("fetcherKeptOldKeys", self()));
    }
}
