package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.dispatch.Hooks;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Collections;
import java.util.List;

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
        super(TYPE);
    }

    @Override
    public List<AdvisedMethod> advisedMethods() {
        return Collections.singletonList(advice("addCredentialsToExecutionAttributes", 1,
                "AddCredentialsToExecutionAttributesAdvice"));
    }

    /** Records the configured provider before it runs; a throw is the call's end. */
    public static final class AddCredentialsToExecutionAttributesAdvice {
        private AddCredentialsToExecutionAttributesAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object enter(@Advice.This Object strategy, @Advice.Argument(0) Object executionAttributes) {
            return Hooks.v2Calls().credentialsRequested(strategy, executionAttributes);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter Object token, @Advice.Argument(0) Object executionAttributes,
                                @Advice.Thrown Throwable thrown) {
            Hooks.v2Calls().startEnded(token, executionAttributes, thrown);
        }
    }
}
