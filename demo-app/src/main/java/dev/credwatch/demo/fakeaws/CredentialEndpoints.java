package dev.credwatch.demo.fakeaws;

/**
 * The two unsigned HTTP endpoints the SDKs' refreshing providers read credentials from, served on
 * the same port as the services: EC2 instance metadata ({@link InstanceMetadataEndpoint}) and the
 * ECS/EKS container credentials endpoint. Every credentials response issues fresh session keys
 * that the fake then accepts until they expire on its clock.
 */
final class CredentialEndpoints {
    static final String IMDS_ROLE = InstanceMetadataEndpoint.ROLE;
    static final String CONTAINER_PATH = "/container-credentials";
    static final String CONTAINER_ROLE_ARN = "arn:aws:iam::" + Ids.ACCOUNT_ID + ":role/credwatch-demo-task-role";

    private final FakeState state;
    private final InstanceMetadataEndpoint imds;

    CredentialEndpoints(FakeState state) {
        this.state = state;
        this.imds = new InstanceMetadataEndpoint(state);
    }

    boolean handles(HttpRequest request) {
        return request.rawPath().startsWith("/latest/") || request.rawPath().startsWith(CONTAINER_PATH);
    }

    HttpResponse handle(HttpRequest request) {
        return request.rawPath().startsWith(CONTAINER_PATH) ? container(request) : imds.handle(request);
    }

    private HttpResponse container(HttpRequest request) {
        String required = state.containerAuthorizationToken;
        if (required != null && !required.equals(request.header("authorization"))) {
            return logged(state, "container", "GetCredentials", null, HttpResponse.of(401, "application/json",
                    "{\"code\":\"InvalidToken\",\"message\":\"Invalid authorization token\"}"), "InvalidToken");
        }
        int failure = state.credentialFaults.containerFailureNow();
        if (failure != 0) {
            // The ECS agent and the EKS Pod Identity agent both answer errors as {"code","message"};
            // SDK v1 reads exactly these two members into its exception.
            String code = HttpResponse.reason(failure).replace(" ", "");
            String body = "{\"code\":" + JsonWire.quote(code) + ",\"message\":"
                    + JsonWire.quote("Credentials are unavailable: the endpoint answered " + failure) + "}";
            return logged(state, "container", "GetCredentials", null,
                    HttpResponse.of(failure, "application/json", body), code);
        }
        String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/credwatch-demo-task-role/credwatch-task";
        AccessKey key = state.keys.issue(arn, state.clock.now(), state.lifetime(null));
        String json = "{" + keyJson(key) + ",\"RoleArn\":" + JsonWire.quote(CONTAINER_ROLE_ARN) + "}";
        HttpResponse response = logged(state, "container", "GetCredentials", key.id(),
                HttpResponse.of(200, "application/json", json), FakeRequest.OK);
        state.credentialFaults.delayCredentials();
        return response;
    }

    static String keyJson(AccessKey key) {
        return "\"AccessKeyId\":" + JsonWire.quote(key.id()) + ",\"SecretAccessKey\":" + JsonWire.quote(key.secret())
                + ",\"Token\":" + JsonWire.quote(key.sessionToken())
                + ",\"Expiration\":" + JsonWire.quote(FakeClock.iso(key.expiry()));
    }

    /** Records the request (at its arrival: a delayed answer is logged before the wait) and returns the response. */
    static HttpResponse logged(FakeState state, String service, String action, String keyId, HttpResponse response,
                               String outcome) {
        state.log.add(new FakeRequest(state.clock.now(), service, action, keyId, response.status(), outcome));
        return response;
    }
}
