package dev.credwatch.agent.diagnosis;

import java.util.HashMap;
import java.util.Map;

/**
 * What each credential-provider reason code (DESIGN.md "Log line") means to the person reading the line: a
 * few words for a list of providers, and what to do. Data, like the error-code catalog.
 */
final class FetchReasonHints {
    private static final Map<String, String[]> HINTS = new HashMap<String, String[]>();

    static {
        add("imds_unreachable", "instance metadata unreachable",
                "instance metadata (169.254.169.254) could not be reached: not on EC2, or blocked by a firewall");
        add("imds_token_failed", "IMDSv2 token request failed",
                "the IMDSv2 token request got no answer: inside a container, the instance's hop limit of 1; "
                        + "raise it to 2 (http-put-response-hop-limit)");
        add("imds_no_role", "no role attached to the instance",
                "the instance has no IAM role: attach an instance profile to it");
        add("endpoint_unreachable", "credentials endpoint unreachable",
                "the container credentials endpoint could not be reached: check AWS_CONTAINER_CREDENTIALS_*_URI and "
                        + "that the ECS agent or EKS Pod Identity agent runs");
        add("endpoint_error", "credentials endpoint answered an error",
                "the container credentials endpoint answered an error: check the task role (ECS) or the pod "
                        + "identity association (EKS) and the agent's logs");
        add("auth_token_unreadable", "authorization token unreadable",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE cannot be read: check the mounted token (EKS Pod Identity)");
        add("token_file_unreadable", "token file unreadable",
                "the web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE) cannot be read: is the service "
                        + "account token mounted?");
        add("web_identity_rejected", "STS refused the web identity token",
                "STS refused the web identity token: check the role's trust policy (OIDC provider, audience, "
                        + "service account)");
        add("sts_module_missing", "sts module missing",
                "the STS module is not on the class path, so the role cannot be assumed: add it");
        add("sts_rejected", "STS refused the request",
                "STS refused to issue the session: check the role's trust policy and the source credentials");
        add("throttled", "throttled",
                "the credential source throttled the request: too many fetches, share one provider (and client) "
                        + "instead of building one per call");
        add("sso_session_expired", "SSO session expired", "the SSO session has expired: sign in again (aws sso login)");
        add("sso_token_missing", "no SSO token", "no SSO token is cached for the profile: run aws sso login");
        add("process_failed", "credential_process failed",
                "the credential_process command exited with an error: run it by hand to see why");
        add("process_output_invalid", "credential_process output invalid",
                "the credential_process command printed no valid credentials JSON (Version 1)");
        add("profile_not_found", "profile not found", "the profile or the credentials file does not exist");
        add("timeout", "timed out", "the credential source did not answer in time");
        add("other", "failed", "the credential source failed");
    }

    private FetchReasonHints() {
    }

    private static void add(String code, String words, String fix) {
        HINTS.put(code, new String[] {words, fix});
    }

    /** A few words for a list of providers; the code itself when unknown. */
    static String words(String code) {
        String[] hint = HINTS.get(code);
        return hint == null ? String.valueOf(code) : hint[0];
    }

    /** The sentence saying what it means and what to do. */
    static String fix(String code) {
        String[] hint = HINTS.get(code);
        return hint == null ? "the credential source failed (" + code + ")" : hint[1];
    }
}
