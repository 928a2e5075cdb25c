package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.core.SdkAccessors;
import dev.credwatch.agent.instrument.core.SigV4Scope;

import java.util.Map;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;

/**
 * Service id, operation and signing region of a v1 request, read from the request's handler context
 * (the SDK fills {@code HandlerContextKey.SERVICE_ID}, {@code OPERATION_NAME} and {@code SIGNING_REGION}
 * in 1.11.x later releases), with fallbacks for older releases.
 */
final class V1RequestContext {
    private static final String HANDLER_CONTEXT_KEY = "com.amazonaws.handlers.HandlerContextKey";

    /** The SDK's key constants, looked up once per SDK class loader (keyed by the request's class). */
    private static final ClassValue<Object[]> KEYS = new ClassValue<Object[]>() {
        @Override
        protected Object[] computeValue(Class<?> requestType) {
            try {
                Class<?> keyType = Class.forName(HANDLER_CONTEXT_KEY, false, requestType.getClassLoader());
                return new Object[] {
                    SdkAccessors.staticField(keyType, "SERVICE_ID"),
                    SdkAccessors.staticField(keyType, "OPERATION_NAME"),
                    SdkAccessors.staticField(keyType, "SIGNING_REGION")
                };
            } catch (ClassNotFoundException | LinkageError e) {
                return new Object[3];
            }
        }
    };

    private final Object request;
    private final Object[] keys;

    private V1RequestContext(Object request, Object[] keys) {
        this.request = request;
        this.keys = keys;
    }

    static V1RequestContext of(Object request) {
        return new V1RequestContext(request, request == null ? new Object[3] : KEYS.get(request.getClass()));
    }

    /** {@code SQS}, {@code STS}, {@code S3}: the id the OpenTelemetry conventions put in span names. */
    String serviceId() {
        String serviceId = handlerContext(0);
        return serviceId != null ? serviceId : serviceIdFromClientName(string(call(request, "getServiceName")));
    }

    String operationName() {
        String operation = handlerContext(1);
        if (operation != null) {
            return operation;
        }
        Object originalRequest = call(request, "getOriginalRequest");
        if (originalRequest == null) {
            return null;
        }
        String simpleName = originalRequest.getClass().getSimpleName();
        return simpleName.endsWith("Request") ? simpleName.substring(0, simpleName.length() - 7) : simpleName;
    }

    /**
     * From the handler context, else from the signed request itself: with an endpoint override the SDK
     * leaves {@code SIGNING_REGION} unset, yet the signer still scoped the signature to a region.
     */
    String signingRegion() {
        String region = handlerContext(2);
        if (region != null) {
            return region;
        }
        Object headers = call(request, "getHeaders");
        return headers instanceof Map ? SigV4Scope.region(string(((Map<?, ?>) headers).get("Authorization"))) : null;
    }

    private String handlerContext(int keyIndex) {
        Object key = keys[keyIndex];
        return key == null ? null : string(call(request, "getHandlerContext", key));
    }

    /** Older releases only name the client: {@code AmazonSQS}, {@code AWSSecurityTokenService}, {@code Amazon S3}. */
    static String serviceIdFromClientName(String clientName) {
        if (clientName == null) {
            return null;
        }
        if (clientName.equals("AWSSecurityTokenService")) {
            return "STS";
        }
        String id = clientName.replace(" ", "");
        if (id.startsWith("Amazon")) {
            id = id.substring(6);
        } else if (id.startsWith("AWS")) {
            id = id.substring(3);
        }
        return id.isEmpty() ? clientName : id;
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }
}
