package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.CallRecording;
import dev.credwatch.agent.instrument.core.SdkAccessors;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;

/**
 * The {@code ExecutionAttribute} keys credwatch reads, and its own key for per-call state, resolved once per
 * SDK class loader (an application may carry several SDK copies, e.g. in webapps). Per-call state lives in
 * the call's own {@code ExecutionAttributes}, never in a thread local: the async client finishes a call on
 * another thread than the one that started it, and the state is collected together with the call.
 */
final class V2Attributes {
    private static final String CORE = "software.amazon.awssdk.core.interceptor.";
    private static final AtomicInteger KEY_SERIAL = new AtomicInteger();
    private static final Object ABSENT = new Object();

    private static final ClassValue<V2Attributes> PER_SDK = new ClassValue<V2Attributes>() {
        @Override
        protected V2Attributes computeValue(Class<?> executionAttributesType) {
            return new V2Attributes(executionAttributesType);
        }
    };

    private final ClassLoader sdkLoader;
    private final Class<?> attributeType;
    /** Ours: where the call's {@link CallRecording} is kept. Null when it could not be created. */
    private final Object stateKey;
    /** The OpenTelemetry Java agent's key to its span context of the call; resolved on first use. */
    private volatile Object agentContextKey;
    private final MethodHandle put;
    final Object serviceName;
    final Object operationName;
    final Object awsRegion;
    /** 2.21+: the auth scheme chosen for the call, with the identity (credentials) future. */
    final Object selectedAuthScheme;
    /** 2.20, and 2.21+ clients still on a pre-SRA signer: the resolved credentials themselves. */
    final Object awsCredentials;
    /** 2.21+: the configured identity providers, request-level overrides applied. */
    final Object identityProviders;
    final Class<?> credentialsIdentityType;

    private V2Attributes(Class<?> executionAttributesType) {
        ClassLoader sdk = executionAttributesType.getClassLoader();
        sdkLoader = sdk;
        attributeType = load(sdk, CORE + "ExecutionAttribute");
        stateKey = newKey(attributeType);
        put = putter(executionAttributesType, attributeType);
        Class<?> sdkAttributes = load(sdk, CORE + "SdkExecutionAttribute");
        Class<?> internal = load(sdk, CORE + "SdkInternalExecutionAttribute");
        serviceName = constant(sdkAttributes, "SERVICE_NAME");
        operationName = constant(sdkAttributes, "OPERATION_NAME");
        awsRegion = constant(load(sdk, "software.amazon.awssdk.awscore.AwsExecutionAttribute"), "AWS_REGION");
        selectedAuthScheme = constant(internal, "SELECTED_AUTH_SCHEME");
        identityProviders = constant(internal, "IDENTITY_PROVIDERS");
        awsCredentials = constant(load(sdk, "software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute"),
                "AWS_CREDENTIALS");
        credentialsIdentityType = load(sdk, "software.amazon.awssdk.identity.spi.AwsCredentialsIdentity");
    }

    /** Keyed by the SDK's own {@code ExecutionAttributes} class, so a subclass instance finds the same keys. */
    static V2Attributes of(Object executionAttributes) {
        Class<?> type = executionAttributes.getClass();
        while (!type.getName().equals(CORE + "ExecutionAttributes") && type.getSuperclass() != null
                && type.getSuperclass() != Object.class) {
            type = type.getSuperclass();
        }
        return PER_SDK.get(type);
    }

    Object get(Object executionAttributes, Object key) {
        return key == null ? null : call(executionAttributes, "getAttribute", key);
    }

    CallRecording recording(Object executionAttributes) {
        Object recording = get(executionAttributes, stateKey);
        return recording instanceof CallRecording ? (CallRecording) recording : null;
    }

    /**
     * What the OpenTelemetry Java agent's interceptor keeps for the call (its span's context), or null. Asked
     * only beside the agent, at the end of a call, when the agent's interceptor (if any) is loaded.
     */
    Object agentContext(Object executionAttributes) {
        Object key = agentContextKey;
        if (key == null) {
            Object found = OtelAgentContextKey.contextKey(sdkLoader);
            key = attributeType != null && attributeType.isInstance(found) ? found : ABSENT;
            agentContextKey = key;
        }
        return key == ABSENT ? null : get(executionAttributes, key);
    }

    void attach(Object executionAttributes, CallRecording recording) throws Throwable {
        if (stateKey != null && put != null) {
            Object ignored = (Object) put.invokeExact(executionAttributes, stateKey, (Object) recording);
        }
    }

    /** A key of our own; the name is unique per SDK copy because some SDK versions reject duplicate names. */
    private static Object newKey(Class<?> attributeType) {
        if (attributeType == null) {
            return null;
        }
        try {
            return attributeType.getConstructor(String.class)
                    .newInstance("dev.credwatch.CallState#" + KEY_SERIAL.incrementAndGet());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static MethodHandle putter(Class<?> executionAttributesType, Class<?> attributeType) {
        if (attributeType == null) {
            return null;
        }
        try {
            return MethodHandles.publicLookup()
                    .unreflect(executionAttributesType.getMethod("putAttribute", attributeType, Object.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static Object constant(Class<?> type, String name) {
        return type == null ? null : SdkAccessors.staticField(type, name);
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
