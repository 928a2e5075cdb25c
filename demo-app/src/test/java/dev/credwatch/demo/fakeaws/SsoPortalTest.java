package dev.credwatch.demo.fakeaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SSO portal's GetRoleCredentials over raw HTTP, shaped as SDK v2's {@code sso} client sends
 * it (the request and response shapes of the {@code sso} service model). The demo does not depend
 * on that module, so no SDK provider is run against it here.
 */
class SsoPortalTest {
    private static final String ACCESS_TOKEN = "aoaAAAAAGcredwatchSsoAccessToken";

    @RegisterExtension
    static final FakeAwsExtension aws = FakeAwsExtension.start();
    private static final FakeAws fake = aws.fake();

    private static RawHttp.Response getRoleCredentials(String role, String account, String token) throws Exception {
        Map<String, String> headers = token == null ? Map.of() : Map.of("x-amz-sso_bearer_token", token);
        return aws.send("GET", SsoPortal.PATH + "?role_name=" + role + "&account_id=" + account, headers);
    }

    @Test
    void aRegisteredAccessTokenGetsFreshRoleKeysThatTheFakeAccepts() throws Exception {
        fake.acceptSsoAccessToken(ACCESS_TOKEN);
        var response = getRoleCredentials("ReadOnly", fake.accountId(), ACCESS_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        @SuppressWarnings("unchecked")
        var credentials = (Map<String, Object>) MiniJson.parseObject(response.body()).get("roleCredentials");
        assertThat(credentials).containsOnlyKeys("accessKeyId", "secretAccessKey", "sessionToken", "expiration");
        // epoch milliseconds, as the portal sends them (and SDK v2 reads them)
        assertThat((Double) credentials.get("expiration"))
                .isCloseTo(fake.now().plus(Duration.ofHours(1)).toEpochMilli(), within(5_000.0));
        String keyId = (String) credentials.get("accessKeyId");
        assertThat(keyId).startsWith("ASIA");

        var sts = Clients.v1Sts(fake, Clients.v1(keyId, (String) credentials.get("secretAccessKey"),
                (String) credentials.get("sessionToken")));
        assertThat(sts.getCallerIdentity(new GetCallerIdentityRequest()).getArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/credwatch-user");
        sts.shutdown();
        assertThat(fake.requests()).first().isEqualTo(new FakeRequest(fake.requests().get(0).receivedAt(), "sso",
                "GetRoleCredentials", keyId, 200, FakeRequest.OK));
    }

    @Test
    void anUnknownOrMissingAccessTokenIsUnauthorized() throws Exception {
        fake.acceptSsoAccessToken(ACCESS_TOKEN);
        for (String token : new String[] {"expired-or-foreign-token", null}) {
            var response = getRoleCredentials("ReadOnly", fake.accountId(), token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("x-amzn-ErrorType")).isEqualTo("UnauthorizedException");
            assertThat(response.body()).isEqualTo("{\"message\":\"Session token not found or invalid\"}");
        }
        assertThat(fake.requests()).extracting(FakeRequest::service, FakeRequest::status, FakeRequest::outcome)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("sso", 401, "UnauthorizedException"));
    }

    @Test
    void resetForgetsTheAccessTokens() throws Exception {
        fake.acceptSsoAccessToken(ACCESS_TOKEN);
        fake.reset();
        assertThat(getRoleCredentials("ReadOnly", fake.accountId(), ACCESS_TOKEN).status()).isEqualTo(401);
    }

    @Test
    void otherAccountsMissingParametersAndThrottlingAnswerThePortalsOtherErrors() throws Exception {
        fake.acceptSsoAccessToken(ACCESS_TOKEN);
        var forbidden = getRoleCredentials("ReadOnly", "210987654321", ACCESS_TOKEN);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("x-amzn-ErrorType")).isEqualTo("ForbiddenException");
        assertThat(forbidden.body()).isEqualTo("{\"message\":\"No access\"}");
        var invalid = getRoleCredentials("", fake.accountId(), ACCESS_TOKEN);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("x-amzn-ErrorType")).isEqualTo("InvalidRequestException");
        fake.throttle("sso", "GetRoleCredentials");
        var throttled = getRoleCredentials("ReadOnly", fake.accountId(), ACCESS_TOKEN);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
        assertThat(fake.requests()).extracting(FakeRequest::outcome)
                .containsExactly("ForbiddenException", "InvalidRequestException", "TooManyRequestsException");
    }
}
