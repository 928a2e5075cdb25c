package dev.credwatch.demo.fakeaws;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns each HTTP request into a response: credential endpoints and the SSO portal first (they are
 * unsigned), then the service chosen by {@code X-Amz-Target} or by the service name of the SigV4
 * credential scope, throttling, authentication, the runtime faults (deny), and the service itself.
 * Every request is recorded in the request log with its outcome.
 */
final class FakeAwsRouter implements Function<HttpRequest, HttpResponse> {
    private final FakeState state;
    private final Authenticator authenticator;
    private final CredentialEndpoints credentialEndpoints;
    private final SsoPortal ssoPortal;
    private final StsService sts;
    private final S3Service s3;
    private final Map<String, AwsService> byScope;
    private final Map<String, AwsService> byTarget;

    FakeAwsRouter(FakeState state, SnsService sns, SqsQueues queues, S3Service s3) {
        this.state = state;
        this.authenticator = new Authenticator(state);
        this.credentialEndpoints = new CredentialEndpoints(state);
        this.ssoPortal = new SsoPortal(state);
        this.sts = new StsService(state);
        this.s3 = s3;
        MemoryDbService memoryDb = new MemoryDbService();
        this.byScope = Map.of("sts", sts, "sns", sns, "sqs", new SqsQueryService(queues), "s3", s3,
                "memorydb", memoryDb);
        this.byTarget = Map.of(SqsJsonService.TARGET_PREFIX, new SqsJsonService(queues),
                MemoryDbService.TARGET_PREFIX, memoryDb);
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        Instant receivedAt = state.clock.now();
        String authorization = request.header("authorization");
        // The container endpoint's Authorization header is a plain token, not SigV4.
        boolean sigV4 = authorization != null && authorization.startsWith(SigV4Authorization.ALGORITHM);
        if (!sigV4 && credentialEndpoints.handles(request)) {
            return credentialEndpoints.handle(request);
        }
        if (!sigV4 && ssoPortal.handles(request)) {
            return ssoPortal.handle(request);
        }
        AwsService service = route(request, authorization);
        String action = service.action(request);
        SigV4Authorization auth = SigV4Authorization.parse(authorization);
        String keyId = auth == null ? null : auth.accessKeyId();
        String requestId = service.wire() == Wire.S3 ? Ids.s3RequestId() : Ids.requestId();
        HttpResponse response;
        String outcome = FakeRequest.OK;
        try {
            // Throttling comes before authentication, as at AWS's front door: unsigned calls get it too.
            if (state.rules.isThrottled(service.name(), action)) {
                throw service.throttled();
            }
            boolean unsigned = authorization == null && service == sts && StsService.isUnsigned(action);
            AccessKey caller = unsigned ? null : authenticator.authenticate(request, service);
            Call call = new Call(request, action, caller, auth == null ? "us-east-1" : auth.region(), requestId);
            if (state.rules.isDenied(service.name(), action)) {
                throw service.accessDenied(call);
            }
            response = service.handle(call);
        } catch (AwsException e) {
            response = service.error(e, requestId);
            outcome = e.code;
        } catch (IllegalArgumentException e) {
            // a body the fake cannot parse (malformed JSON, a bad number): the client's fault
            String code = switch (service.wire()) {
                case JSON -> "SerializationException";
                case S3 -> "MalformedXML";
                case QUERY -> "MalformedInput";
            };
            AwsException error = new AwsException(code, 400, e.getMessage());
            response = service.error(error, requestId);
            outcome = error.code;
        }
        state.log.add(new FakeRequest(receivedAt, service.name(), action, keyId, response.status(), outcome));
        return response;
    }

    private AwsService route(HttpRequest request, String authorization) {
        String target = request.header("x-amz-target");
        if (target != null) {
            for (Map.Entry<String, AwsService> e : byTarget.entrySet()) {
                if (target.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        String scopeService = SigV4Authorization.serviceHint(authorization);
        if (scopeService != null && byScope.containsKey(scopeService)) {
            return byScope.get(scopeService);
        }
        // Unsigned or unknown: a form with Action=... is a query call (STS web identity, or a
        // missing-token error); anything else is treated as anonymous S3.
        return request.formParams().containsKey("Action") ? sts : s3;
    }
}
