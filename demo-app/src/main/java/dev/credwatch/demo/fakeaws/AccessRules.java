package dev.credwatch.demo.fakeaws;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults switched on and off at run time: actions denied by "IAM", actions throttled, and keys a
 * service rejects with a service-specific code (SNS {@code InvalidSecurity}, MemoryDB
 * {@code InvalidCredentialsException}, ...).
 */
final class AccessRules {
    static final String ANY = "*";

    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();
    /** Rules throttled only once this many more requests went through. */
    private final Map<String, AtomicInteger> throttledAfter = new ConcurrentHashMap<>();
    private final Map<String, String> rejections = new ConcurrentHashMap<>();

    void deny(String service, String action) {
        denied.add(rule(service, action));
    }

    void allow(String service, String action) {
        denied.remove(rule(service, action));
    }

    boolean isDenied(String service, String action) {
        return denied.contains(rule(service, action)) || denied.contains(rule(service, ANY));
    }

    void throttle(String service, String action) {
        throttled.add(rule(service, action));
    }

    /** Lets {@code successes} more requests of the action through, then throttles it. */
    void throttleAfter(String service, String action, int successes) {
        throttledAfter.put(rule(service, action), new AtomicInteger(successes));
    }

    boolean isThrottled(String service, String action) {
        AtomicInteger left = throttledAfter.get(rule(service, action));
        if (left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            return true;
        }
        return throttled.contains(rule(service, action)) || throttled.contains(rule(service, ANY));
    }

    void rejectAs(String service, String keyId, String errorCode) {
        rejections.put(rule(service, keyId), errorCode);
    }

    void stopRejecting(String service, String keyId) {
        rejections.remove(rule(service, keyId));
    }

    /** The error for a key the service was told to reject, or null. */
    AwsException rejection(String service, String keyId, Wire wire) {
        String code = rejections.get(rule(service, keyId));
        if (code == null) {
            code = rejections.get(rule(service, ANY));
        }
        return code == null ? null : rejectionError(code, wire);
    }

    void clear() {
        denied.clear();
        throttled.clear();
        throttledAfter.clear();
        rejections.clear();
    }

    private static AwsException rejectionError(String code, Wire wire) {
        return switch (code) {
            // SNS: the documented meaning of InvalidSecurity.
            case "InvalidSecurity" -> new AwsException(code, 403, "The credential signature isn't valid. You must "
                    + "use an HTTPS endpoint and sign your request using Signature Version 4.");
            // MemoryDB models this error without a namespace in __type; its status is 400.
            case "InvalidCredentialsException" -> new AwsException(code, 400, "The provided credentials are invalid.");
            case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId" ->
                    new AwsException(code, wire == Wire.JSON ? 400 : 403,
                            "The security token included in the request is invalid.");
            case "ExpiredToken", "ExpiredTokenException" ->
                    new AwsException(code, wire == Wire.JSON ? 400 : 403,
                            "The security token included in the request is expired");
            default -> new AwsException(code, 403, "Rejected by the fake AWS endpoint (rejectAs " + code + ")");
        };
    }

    private static String rule(String service, String name) {
        return service.toLowerCase(Locale.ROOT) + ":" + name;
    }
}
