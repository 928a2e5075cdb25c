package dev.credwatch.demo.fakeaws;

import java.util.Map;

/**
 * The IAM Identity Center (SSO) portal's GetRoleCredentials, which SDK v2's
 * {@code SsoCredentialsProvider} calls to turn the access token cached by {@code aws sso login}
 * into role keys: {@code GET /federation/credentials?role_name=R&account_id=A} with header
 * {@code x-amz-sso_bearer_token} (the {@code sso} service model, rest-json). It is unsigned: the
 * bearer token is the proof, so an unknown token is the portal's only authentication fault.
 */
final class SsoPortal {
    static final String PATH = "/federation/credentials";
    private static final String ACTION = "GetRoleCredentials";

    private final FakeState state;

    SsoPortal(FakeState state) {
        this.state = state;
    }

    boolean handles(HttpRequest request) {
        return PATH.equals(request.rawPath());
    }

    HttpResponse handle(HttpRequest request) {
        Map<String, String> query = request.queryParams();
        String role = query.get("role_name");
        String account = query.get("account_id");
        String token = request.header("x-amz-sso_bearer_token");
        if (state.rules.isThrottled("sso", ACTION)) {
            return error(429, "TooManyRequestsException", "Rate exceeded");
        }
        if (!"GET".equals(request.method()) || role == null || role.isEmpty() || account == null
                || account.isEmpty()) {
            return error(400, "InvalidRequestException", "role_name and account_id are required");
        }
        if (token == null || !state.ssoAccessTokens.contains(token)) {
            // What the portal says once the cached token has expired or was issued for another session.
            return error(401, "UnauthorizedException", "Session token not found or invalid");
        }
        if (!Ids.ACCOUNT_ID.equals(account)) {
            return error(403, "ForbiddenException", "No access");
        }
        String arn = "arn:aws:sts::" + account + ":assumed-role/AWSReservedSSO_" + role + "_0123456789abcdef/"
                + "credwatch-user";
        AccessKey key = state.keys.issue(arn, state.clock.now(), state.lifetime(null));
        // Unlike STS and the metadata endpoints, the portal sends the expiry as epoch milliseconds.
        String json = "{\"roleCredentials\":{\"accessKeyId\":" + JsonWire.quote(key.id())
                + ",\"secretAccessKey\":" + JsonWire.quote(key.secret())
                + ",\"sessionToken\":" + JsonWire.quote(key.sessionToken())
                + ",\"expiration\":" + key.expiry().toEpochMilli() + "}}";
        return logged(key.id(), JsonWire.success("application/json", json, Ids.requestId()), FakeRequest.OK);
    }

    /** rest-json errors name their code in a header, not in the body. */
    private HttpResponse error(int status, String code, String message) {
        String body = "{\"message\":" + JsonWire.quote(message) + "}";
        HttpResponse response = HttpResponse.of(status, "application/json", body)
                .header("x-amzn-ErrorType", code).header("x-amzn-RequestId", Ids.requestId());
        return logged(null, response, code);
    }

    private HttpResponse logged(String keyId, HttpResponse response, String outcome) {
        return CredentialEndpoints.logged(state, "sso", ACTION, keyId, response, outcome);
    }
}
