package dev.credwatch.agent.diagnosis;

import java.util.regex.Pattern;

/**
 * Why one credential provider found no keys, read from the words the SDK put in its exception: a
 * machine-readable code (the log line's {@code reason}, DESIGN.md) and a few words for the hint. Reasons are
 * matched against known phrases and never copied: a provider's message may quote anything.
 */
final class ProviderReason {
    /** The provider is simply not configured here (no variable, no property): not a failure worth naming. */
    static final String NOT_SET = "not_set";

    private static final Pattern PROFILE_NAME = Pattern.compile("profile(?: named)? '([A-Za-z0-9_.@+-]{1,64})'");
    private static final String V2_NO_CREDENTIALS = "contained no credentials for profile";

    final String code;
    final String words;

    private ProviderReason(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** The reason a credential fetch the instrumentation watched gave: better evidence than the SDK's words. */
    static ProviderReason fetched(String code) {
        return new ProviderReason(code, FetchReasonHints.words(code));
    }

    /** {@code label} is the provider's short name ("environment", "instance metadata"), or null when unknown. */
    static ProviderReason of(String label, String text) {
        if (text.contains("AWS_EC2_METADATA_DISABLED") || text.contains("have been disabled")) {
            return new ProviderReason("disabled", "disabled");
        }
        if (text.contains("aws-java-sdk-sts")) {
            return new ProviderReason("sts_module_missing", "aws-java-sdk-sts not on the class path");
        }
        if (text.contains("roleArn") || text.contains("AWS_ROLE_ARN")) {
            return new ProviderReason(NOT_SET, "no role ARN");
        }
        if (text.contains("AWS_WEB_IDENTITY_TOKEN_FILE")) {
            return new ProviderReason(NOT_SET, "no token file");
        }
        ProviderReason profile = profile(text);
        if (profile != null) {
            return profile;
        }
        if (text.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return new ProviderReason(NOT_SET, "no container URI set");
        }
        if (text.contains("Failed to connect") || text.contains("Failed to load credentials from")
                || text.contains("Unable to contact")) {
            boolean metadata = label != null && label.contains("instance metadata");
            return new ProviderReason(metadata ? "imds_unreachable" : "endpoint_unreachable", "endpoint unreachable");
        }
        if (text.contains("expired")) {
            return new ProviderReason("expired", "expired");
        }
        return keysNotSet(label, text);
    }

    /** SDK v1 names a missing profile or file; SDK v2 says "no credentials" and lists the profiles it has. */
    private static ProviderReason profile(String text) {
        if (text.contains("profile file cannot be null")) {
            return new ProviderReason("profile_not_found", "no profile file");
        }
        String profile = Hints.find(PROFILE_NAME, text);
        if (profile == null) {
            return null;
        }
        if (text.contains("No AWS profile named")) {
            return new ProviderReason("profile_not_found", "no profile '" + profile + "'");
        }
        int listed = text.indexOf(V2_NO_CREDENTIALS);
        String files = listed < 0 ? "" : text.substring(listed);
        if (files.contains("ProfileFile(sections=[])")) {
            return new ProviderReason("profile_not_found", "no profile file");
        }
        if (listed >= 0 && !files.contains("Profile(name=" + profile + ",")) {
            return new ProviderReason("profile_not_found", "no profile '" + profile + "'");
        }
        return new ProviderReason("profile_no_keys", "no keys in profile '" + profile + "'");
    }

    private static ProviderReason keysNotSet(String label, String text) {
        if ("environment".equals(label) || label == null && text.contains("environment variables")) {
            return new ProviderReason(NOT_SET, "AWS_ACCESS_KEY_ID not set");
        }
        if ("system properties".equals(label) || label == null && text.contains("system properties")) {
            return new ProviderReason(NOT_SET, "aws.accessKeyId not set");
        }
        return label == null && text.contains("system settings")
                ? new ProviderReason(NOT_SET, "neither AWS_ACCESS_KEY_ID nor aws.accessKeyId set")
                : new ProviderReason("other", "failed");
    }
}
