package dev.credwatch.demo.fakeaws;

/** One faked AWS service: what it calls an action, how it answers, and how its errors look. */
interface AwsService {

    /** The SigV4 signing name ("sqs", "s3", ...), also the name used by deny() and rejectAs(). */
    String name();

    Wire wire();

    /**
     * The operation name, e.g. {@code SendMessage}: the {@code Action} form parameter of the query
     * protocol, or what follows the dot of {@code X-Amz-Target} in the JSON protocols. S3 overrides it.
     */
    default String action(HttpRequest request) {
        if (wire() == Wire.JSON) {
            String target = request.header("x-amz-target");
            return target == null ? "" : target.substring(target.indexOf('.') + 1);
        }
        return request.formParams().getOrDefault("Action", "");
    }

    /** Answers an authenticated call; throws {@link AwsException} for a service error. */
    HttpResponse handle(Call call);

    /** Renders an error in this service's format, request id included. */
    HttpResponse error(AwsException error, String requestId);

    /**
     * The error for a request signed with a credential scope this service cannot accept (S3: a
     * bucket in another region), checked right after the Authorization header is parsed; null when
     * the scope is fine.
     */
    default AwsException scopeError(HttpRequest request, SigV4Authorization auth) {
        return null;
    }

    /** The error for an action that "IAM" denies; services with their own vocabulary override it. */
    default AwsException accessDenied(Call call) {
        String who = call.caller() == null ? "anonymous" : call.caller().arn();
        String message = "User: " + who + " is not authorized to perform: " + name() + ":" + call.action()
                + " because no identity-based policy allows the " + name() + ":" + call.action() + " action";
        return switch (wire()) {
            case QUERY -> new AwsException("AccessDenied", 403, message);
            case JSON -> new AwsException("AccessDeniedException", 403, message, "com.amazon.coral.service", null);
            case S3 -> new AwsException("AccessDenied", 403, "Access Denied");
        };
    }

    /**
     * The error for a throttled action, in the service's wire format: query services say
     * {@code Throttling}, JSON services {@code ThrottlingException} (the SDKs retry both with a
     * throttling back-off), S3 {@code SlowDown} with 503.
     */
    default AwsException throttled() {
        return switch (wire()) {
            case QUERY -> new AwsException("Throttling", 400, "Rate exceeded");
            case JSON -> new AwsException("ThrottlingException", 400, "Rate exceeded", "com.amazon.coral.availability",
                    null);
            case S3 -> new AwsException("SlowDown", 503, "Please reduce your request rate.");
        };
    }
}
