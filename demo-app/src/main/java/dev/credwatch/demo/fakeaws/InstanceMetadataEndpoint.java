package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EC2 instance metadata as the SDKs' instance-profile providers read it: the IMDSv2 token, the
 * role list and the role's credentials (IMDSv1 requests without a token are accepted too), with
 * the faults of {@link CredentialFaults}. Each fault answers the way real IMDS does, so that the
 * SDKs take their real fallback and error paths.
 */
final class InstanceMetadataEndpoint {
    static final String ROLE = "credwatch-demo-role";
    private static final String TOKEN_PATH = "/latest/api/token";
    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
    private static final String TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";

    private final FakeState state;
    /** IMDSv2 session token to its expiry on the fake's clock. */
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    InstanceMetadataEndpoint(FakeState state) {
        this.state = state;
    }

    HttpResponse handle(HttpRequest request) {
        CredentialFaults faults = state.credentialFaults;
        String path = request.rawPath();
        String action = TOKEN_PATH.equals(path) ? "GetToken"
                : CREDENTIALS_PATH.equals(path) || CREDENTIALS_PATH.equals(path + "/") ? "ListRoles"
                : (CREDENTIALS_PATH + ROLE).equals(path) ? "GetCredentials" : "Get";
        if (faults.imdsThrottled) {
            // IMDS limits requests per instance, the token PUT included, with a bare 429.
            return logged(action, null, HttpResponse.of(429, "text/plain", "Too Many Requests"), "TooManyRequests");
        }
        if (action.equals("GetToken")) {
            return token(request, faults);
        }
        String token = request.header("x-aws-ec2-metadata-token");
        if (token != null && !validToken(token)) {
            return logged(action, null, new HttpResponse(401), "Unauthorized");
        }
        if (faults.imdsNoRole && !action.equals("Get")) {
            // An instance without an instance profile has no such paths at all.
            return logged(action, null, HttpResponse.of(404, "text/html", "Not Found"), "NotFound");
        }
        if (action.equals("ListRoles")) {
            return logged(action, null, HttpResponse.of(200, "text/plain", ROLE), FakeRequest.OK);
        }
        if (action.equals("GetCredentials")) {
            String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/" + ROLE + "/i-0c0ffee0credwatch";
            AccessKey key = state.keys.issue(arn, state.clock.now(), state.lifetime(null));
            String json = "{\"Code\":\"Success\",\"LastUpdated\":" + JsonWire.quote(FakeClock.iso(state.clock.now()))
                    + ",\"Type\":\"AWS-HMAC\"," + CredentialEndpoints.keyJson(key) + "}";
            HttpResponse response = logged(action, key.id(), HttpResponse.of(200, "text/plain", json), FakeRequest.OK);
            faults.delayCredentials();
            return response;
        }
        return logged(action, null, HttpResponse.of(404, "text/html", "Not Found"), "NotFound");
    }

    private HttpResponse token(HttpRequest request, CredentialFaults faults) {
        if (!"PUT".equals(request.method())) {
            return logged("GetToken", null, new HttpResponse(405), "MethodNotAllowed");
        }
        if (faults.imdsTokenUnanswered) {
            // What a client sees behind a hop limit of 1 in a container: the PUT goes out, nothing comes back.
            return logged("GetToken", null, HttpResponse.unanswered(), "Unanswered");
        }
        int refused = faults.imdsTokenStatus;
        if (refused != 0) {
            return logged("GetToken", null, HttpResponse.of(refused, "text/plain", HttpResponse.reason(refused)),
                    "TokenRefused");
        }
        String ttl = request.header(TTL_HEADER);
        int seconds = ttl == null || !ttl.matches("\\d{1,5}") ? 0 : Integer.parseInt(ttl);
        if (seconds < 1 || seconds > 21600) {
            return logged("GetToken", null, new HttpResponse(400), "BadRequest");
        }
        String token = "AQAEA" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, state.clock.now().plus(Duration.ofSeconds(seconds)));
        return logged("GetToken", null,
                HttpResponse.of(200, "text/plain", token).header(TTL_HEADER, String.valueOf(seconds)), FakeRequest.OK);
    }

    private boolean validToken(String token) {
        Instant expiry = tokens.get(token);
        return expiry != null && state.clock.now().isBefore(expiry);
    }

    private HttpResponse logged(String action, String keyId, HttpResponse response, String outcome) {
        return CredentialEndpoints.logged(state, "imds", action, keyId, response, outcome);
    }
}
