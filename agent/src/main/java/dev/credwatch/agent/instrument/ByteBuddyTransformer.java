package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.v1.RequestExecutorInstrumentation;
import dev.credwatch.agent.instrument.v2.InterceptorChainInstrumentation;
import dev.credwatch.agent.instrument.v2.PreSraCredentialsInstrumentation;
import dev.credwatch.agent.instrument.v2.RetryHelperInstrumentation;
import dev.credwatch.agent.report.AgentLog;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.ClassFileTransformer;

/** Every SDK type instrumentation as one Byte Buddy transformer, built once, on first need. */
final class ByteBuddyTransformer {
    private ByteBuddyTransformer() {
    }

    static ClassFileTransformer create() {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new ErrorListener());
        builder = RequestExecutorInstrumentation.apply(builder);
        builder = InterceptorChainInstrumentation.apply(builder);
        builder = RetryHelperInstrumentation.apply(builder);
        builder = PreSraCredentialsInstrumentation.apply(builder);
        return builder.makeRaw();
    }

    /** Reports a failed transformation once per type; the type then loads unchanged. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            AgentLog.error("credwatch could not instrument " + typeName + " (" + throwable
                    + "); calls through it are not diagnosed, the application is not affected");
        }
    }
}
