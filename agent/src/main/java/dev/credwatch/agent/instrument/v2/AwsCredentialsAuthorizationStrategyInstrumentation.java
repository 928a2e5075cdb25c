package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.instrument.core.AdviceValue.argument;
import static dev.credwatch.agent.instrument.core.AdviceValue.entered;
import static dev.credwatch.agent.instrument.core.AdviceValue.self;
import static dev.credwatch.agent.instrument.core.AdviceValue.thrown;

/**
 * SDK v2's {@code AwsCredentialsAuthorizationStrategy} (aws-core, internal, same shape 2.20 to 2.54): before
 * the identity-and-auth rework of 2.21, and later for clients still on a pre-2.21 signer, it resolves the
 * call's credentials right after {@code beforeExecution}. Two things only it knows: which provider the
 * client was configured with (2.20 puts none in the execution attributes), and a provider's failure,
 * which ends the call before the request pipeline and its failure report.
 */
public final class AwsCredentialsAuthorizationStrategyInstrumentation extends TypeInstrumentation {
    private static final String TYPE = "software.amazon.awssdk.awscore.internal.authcontext.AwsCredentialsAuthorizationStrategy";

    public AwsCredentialsAuthorizationStrategyInstrumentation() {
        super(TYPE, V2_HOOKS);
    }

    /** Records the configured provider before it runs; a throw is the call's end. */
    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advise("addCredentialsToExecutionAttributes", 1)
                .onEnter("credentialsRequested", self(), argument(0))
                .onExit("startEnded", entered(), argument(0), thrown()));
    }
}
