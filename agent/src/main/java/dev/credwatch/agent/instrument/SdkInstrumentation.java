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

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

/** Installs every SDK instrumentation on the JVM, with the ignore list and an error-only listener. */
public final class SdkInstrumentation {
    private SdkInstrumentation() {
    }

    public static void install(Instrumentation instrumentation) {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                // Retransformation covers SDK classes loaded before a runtime attach.
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new ErrorListener())
                .ignore(nameStartsWith("net.bytebuddy.")
                        .or(nameStartsWith("dev.credwatch."))
                        .or(nameStartsWith("jdk.internal.reflect."))
                        .or(nameStartsWith("java."))
                        .or(nameStartsWith("javax."))
                        .or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun."))
                        .or(nameStartsWith("io.opentelemetry.javaagent."))
                        .or(nameStartsWith("co.elastic.apm."))
                        .or(nameStartsWith("com.datadog.").or(nameStartsWith("datadog.")))
                        .or(nameStartsWith("com.newrelic.")));
        builder = RequestExecutorInstrumentation.apply(builder);
        builder = InterceptorChainInstrumentation.apply(builder);
        builder = RetryHelperInstrumentation.apply(builder);
        builder = PreSraCredentialsInstrumentation.apply(builder);
        builder.installOn(instrumentation);
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
