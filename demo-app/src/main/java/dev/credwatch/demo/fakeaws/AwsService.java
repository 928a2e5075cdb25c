package dev.credwatch.demo.fakeaws;

/** One faked AWS service: what it calls an action, how it answers, and how its errors look. */
interface AwsService {

    /** The SigV4 signing name ("sqs", "s3", ...), also the name used by deny() and rejectAs(). */
    String name();

    Wire wire();

    /** The operation name, e.g. {@code SendMessage}, read from the request. */
    String action(HttpRequest request);

    /** Answers an authenticated call; throws {@link AwsException} for a service error. */
    HttpResponse handle(Call call);

    /** Renders an error in this service's format, request id included. */
    HttpResponse error(AwsException error, String requestId);

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
}
