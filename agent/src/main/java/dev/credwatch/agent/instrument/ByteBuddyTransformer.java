package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.v1.RequestExecutorInstrumentation;
import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.log.AgentLog;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.ClassFileTransformer;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** Every SDK type instrumentation as one Byte Buddy transformer, built once, on first need. */
final class ByteBuddyTransformer {
    /** True while {@link #warmUp} runs: a stand-in that does not weave cleanly is no one's business. */
    private static volatile boolean warming;

    private ByteBuddyTransformer() {
    }

    static ClassFileTransformer create() {
        AgentBuilder builder = newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new ErrorListener());
        for (TypeInstrumentation instrumentation : Instrumentations.ALL) {
            AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice()
                    .include(ByteBuddyTransformer.class.getClassLoader());
            for (AdvisedMethod method : instrumentation.advisedMethods()) {
                advice = advice.advice(matcher(method), method.adviceClass());
            }
            builder = builder.type(named(instrumentation.typeName())).transform(advice);
        }
        return builder.makeRaw();
    }

    private static ElementMatcher<MethodDescription> matcher(AdvisedMethod method) {
        ElementMatcher.Junction<MethodDescription> byName = named(method.methodName());
        return method.parameterCount() == AdvisedMethod.ANY_PARAMETERS ? byName
                : byName.and(takesArguments(method.parameterCount()));
    }

    /**
     * The agent builder's default initialization strategy sets up Byte Buddy's Nexus through {@code sun.misc.Unsafe},
     * which Java 24 and later report on the application's stderr. credwatch needs no Nexus (its initialization is
     * NoOp): its own shaded copy is told so while the Nexus reads the setting, then the property is removed again.
     */
    private static AgentBuilder.Default newAgentBuilder() {
        String previous = System.getProperty(Nexus.PROPERTY);
        System.setProperty(Nexus.PROPERTY, "true");
        try {
            return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
        } finally {
            if (previous == null) {
                System.clearProperty(Nexus.PROPERTY);
            } else {
                System.setProperty(Nexus.PROPERTY, previous);
            }
        }
    }

    /**
     * Weaves the v1 advice into a stand-in of {@code AmazonHttpClient$RequestExecutor} and throws the result
     * away: the advice and ASM classes then load on the background thread, not while the application
     * waits for its first AWS call. The stand-in has the members the advice binds to, nothing else.
     */
    static void warmUp(ClassFileTransformer transformer) throws Exception {
        byte[] standIn = new ByteBuddy().with(TypeValidation.DISABLED).subclass(Object.class)
                .name(RequestExecutorInstrumentation.TYPE)
                .defineField("request", Object.class, Visibility.PRIVATE)
                .defineField("executionContext", Object.class, Visibility.PRIVATE)
                .defineMethod("doExecute", Object.class, Visibility.PRIVATE).intercept(FixedValue.nullValue())
                .defineMethod("getCredentialsFromContext", Object.class, Visibility.PRIVATE)
                .intercept(FixedValue.nullValue())
                .defineMethod("handleErrorResponse", Object.class, Visibility.PRIVATE)
                .withParameters(Object.class, Object.class, Object.class).intercept(FixedValue.nullValue())
                .make().getBytes();
        warming = true;
        try {
            transformer.transform(ByteBuddyTransformer.class.getClassLoader(),
                    RequestExecutorInstrumentation.TYPE.replace('.', '/'), null, null, standIn);
        } finally {
            warming = false;
        }
    }

    /** Reports a failed transformation once per type; the type then loads unchanged. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            if (warming && classLoader == ByteBuddyTransformer.class.getClassLoader()) {
                return;
            }
            AgentLog.error("credwatch could not instrument " + typeName + " (" + throwable
                    + "); calls through it are not diagnosed, the application is not affected");
        }
    }
}
