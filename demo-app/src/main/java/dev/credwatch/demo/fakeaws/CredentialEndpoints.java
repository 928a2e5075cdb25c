package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two unsigned HTTP endpoints the SDKs' refreshing providers read credentials from, served on
 * the same port as the services: EC2 instance metadata (IMDSv2 token, role list, role
 * credentials; IMDSv1 requests without a token are accepted too) and the ECS/EKS container
 * credentials endpoint. Every credentials response issues fresh session keys that the fake then
 * accepts until they expire on its clock.
 */
final class CredentialEndpoints {
    static final String IMDS_ROLE = "credwatch-demo-role";
    static final String CONTAINER_PATH = "/container-credentials";
    static final String CONTAINER_ROLE_ARN = "arn:aws:iam::" + Ids.ACCOUNT_ID + ":role/credwatch-demo-task-role";
    private static final String TOKEN_PATH = "/latest/api/token";
    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
    private static final String TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";

    private final FakeState state;
    /** IMDSv2 session token to its expiry on the fake's clock. */
    private final Map<String, Instant> imdsTokens = new ConcurrentHashMap<>();

    CredentialEndpoints(FakeState state) {
        this.state = state;
    }

    boolean handles(HttpRequest request) {
        return request.rawPath().startsWith("/latest/") || request.rawPath().startsWith(CONTAINER_PATH);
    }

    HttpResponse handle(HttpRequest request) {
        if (request.rawPath().startsWith(CONTAINER_PATH)) {
            return container(request);
        }
        if (TOKEN_PATH.equals(request.rawPath())) {
            return token(request);
        }
        String token = request.header("x-aws-ec2-metadata-token");
        if (token != null && !validToken(token)) {
            return logged("imds", "GetCredentials", null, new HttpResponse(401), "Unauthorized");
        }
        if (CREDENTIALS_PATH.equals(request.rawPath()) || (CREDENTIALS_PATH.equals(request.rawPath() + "/"))) {
            return logged("imds", "ListRoles", null, HttpResponse.of(200, "text/plain", IMDS_ROLE), FakeRequest.OK);
        }
        if ((CREDENTIALS_PATH + IMDS_ROLE).equals(request.rawPath())) {
            String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/" + IMDS_ROLE + "/i-0c0ffee0credwatch";
            AccessKey key = state.keys.issue(arn, state.clock.now(), state.lifetime(null));
            String json = "{\"Code\":\"Success\",\"LastUpdated\":" + JsonWire.quote(FakeClock.iso(state.clock.now()))
                    + ",\"Type\":\"AWS-HMAC\"," + keyJson(key) + "}";
            return logged("imds", "GetCredentials", key.id(), HttpResponse.of(200, "text/plain", json), FakeRequest.OK);
        }
        return logged("imds", "Get", null, HttpResponse.of(404, "text/html", "Not Found"), "NotFound");
    }

    private HttpResponse token(HttpRequest request) {
        if (!"PUT".equals(request.method())) {
            return logged("imds", "GetToken", null, new HttpResponse(405), "MethodNotAllowed");
        }
        String ttl = request.header(TTL_HEADER);
        int seconds = ttl == null || !ttl.matches("\\d{1,5}") ? 0 : Integer.parseInt(ttl);
        if (seconds < 1 || seconds > 21600) {
            return logged("imds", "GetToken", null, new HttpResponse(400), "BadRequest");
        }
        String token = "AQAEA" + UUID.randomUUID().toString().replace("-", "");
        imdsTokens.put(token, state.clock.now().plus(Duration.ofSeconds(seconds)));
        return logged("imds", "GetToken", null,
                HttpResponse.of(200, "text/plain", token).header(TTL_HEADER, String.valueOf(seconds)), FakeRequest.OK);
    }

    private boolean validToken(String token) {
        Instant expiry = imdsTokens.get(token);
        return expiry != null && state.clock.now().isBefore(expiry);
    }

    private HttpResponse container(HttpRequest request) {
        String required = state.containerAuthorizationToken;
        if (required != null && !required.equals(request.header("authorization"))) {
            return logged("container", "GetCredentials", null, HttpResponse.of(401, "application/json",
                    "{\"code\":\"InvalidToken\",\"message\":\"Invalid authorization token\"}"), "InvalidToken");
        }
        String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/credwatch-demo-task-role/credwatch-task";
        AccessKey key = state.keys.issue(arn, state.clock.now(), state.lifetime(null));
        String json = "{" + keyJson(key) + ",\"RoleArn\":" + JsonWire.quote(CONTAINER_ROLE_ARN) + "}";
        return logged("container", "GetCredentials", key.id(), HttpResponse.of(200, "application/json", json),
                FakeRequest.OK);
    }

    private static String keyJson(AccessKey key) {
        return "\"AccessKeyId\":" + JsonWire.quote(key.id()) + ",\"SecretAccessKey\":" + JsonWire.quote(key.secret())
                + ",\"Token\":" + JsonWire.quote(key.sessionToken())
                + ",\"Expiration\":" + JsonWire.quote(FakeClock.iso(key.expiry()));
    }

    private HttpResponse logged(String service, String action, String keyId, HttpResponse response, String outcome) {
        state.log.add(new FakeRequest(state.clock.now(), service, action, keyId, response.status(), outcome));
        return response;
    }
}
