package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.util.Map;

/**
 * STS over the query protocol: GetCallerIdentity, and AssumeRole / GetSessionToken /
 * AssumeRoleWithWebIdentity, which issue new temporary (ASIA) credentials that the fake accepts
 * from then on, until they expire on the fake's clock.
 */
final class StsService implements AwsService {
    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final FakeState state;

    StsService(FakeState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    public Wire wire() {
        return Wire.QUERY;
    }

    /** The only STS actions callers make without signing (they carry their own proof of identity). */
    static boolean isUnsigned(String action) {
        return "AssumeRoleWithWebIdentity".equals(action) || "AssumeRoleWithSAML".equals(action);
    }

    @Override
    public HttpResponse handle(Call call) {
        Map<String, String> p = call.request().formParams();
        String result = switch (call.action()) {
            case "GetCallerIdentity" -> Xml.el("Arn", call.caller().arn()) + Xml.el("UserId", call.caller().userId())
                    + Xml.el("Account", Ids.ACCOUNT_ID);
            case "AssumeRole" -> assumedRole(p, required(p, "RoleSessionName"), "");
            case "AssumeRoleWithWebIdentity" -> assumedRole(p, required(p, "RoleSessionName"),
                    Xml.el("SubjectFromWebIdentityToken", "system:serviceaccount:default:credwatch-demo")
                            + Xml.el("Audience", "sts.amazonaws.com")
                            + Xml.el("Provider", "arn:aws:iam::" + Ids.ACCOUNT_ID + ":oidc-provider/credwatch.test"));
            case "GetSessionToken" -> credentials(state.keys.issue(call.caller().arn(), state.clock.now(),
                    lifetime(p)));
            default -> throw new AwsException("InvalidAction", 400,
                    "Could not find operation " + call.action() + " for version 2011-06-15");
        };
        return QueryWire.success(XMLNS, call.action(), result, call.requestId());
    }

    private String assumedRole(Map<String, String> p, String sessionName, String extra) {
        String roleArn = required(p, "RoleArn");
        if (p.containsKey("WebIdentityToken") && p.get("WebIdentityToken").isBlank()) {
            throw new AwsException("InvalidIdentityToken", 400, "The web identity token is empty.");
        }
        if (p.containsKey("WebIdentityToken")) {
            state.webIdentityTokens.check(p.get("WebIdentityToken"), state.clock.now());
        }
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/" + roleName + "/" + sessionName;
        AccessKey key = state.keys.issue(arn, state.clock.now(), lifetime(p));
        return credentials(key) + extra
                + "<AssumedRoleUser>" + Xml.el("AssumedRoleId", key.userId()) + Xml.el("Arn", arn)
                + "</AssumedRoleUser>";
    }

    private Duration lifetime(Map<String, String> p) {
        String seconds = p.get("DurationSeconds");
        return state.lifetime(seconds == null ? null : Integer.valueOf(seconds));
    }

    private static String credentials(AccessKey key) {
        return "<Credentials>" + Xml.el("AccessKeyId", key.id()) + Xml.el("SecretAccessKey", key.secret())
                + Xml.el("SessionToken", key.sessionToken()) + Xml.el("Expiration", FakeClock.iso(key.expiry()))
                + "</Credentials>";
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw new AwsException("ValidationError", 400,
                    "1 validation error detected: Value null at '" + name.substring(0, 1).toLowerCase()
                            + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    @Override
    public HttpResponse error(AwsException error, String requestId) {
        return QueryWire.error(XMLNS, error, requestId);
    }
}
