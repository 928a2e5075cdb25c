package dev.credwatch.agent.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens the SDK's "no credentials" message to one reason per provider tried. SDK v1 writes
 * {@code ...chain: [EnvironmentVariableCredentialsProvider: reason, com...ProfileCredentialsProvider@7b1d: reason]},
 * SDK v2 {@code ...chain AwsCredentialsProviderChain(...) : [EnvironmentVariableCredentialsProvider(): reason, ...]};
 * reasons are matched against known phrases and never copied.
 */
final class ProviderChainSummary {
    private static final String LIST_START = ": [";
    // A provider entry starts the list or follows ", ", and its name is followed by "(", "@hash" or ":".
    private static final Pattern ENTRY = Pattern.compile("(?:^|, )(?:[A-Za-z0-9_$]+\\.)*([A-Za-z0-9_$]*Provider"
            + "[A-Za-z0-9_$]*)(?=[(@:])");
    private static final Pattern PROFILE_NAME = Pattern.compile("profile(?: named)? '([A-Za-z0-9_.@+-]{1,64})'");

    private ProviderChainSummary() {
    }

    /** "tried 5 providers: environment (AWS_ACCESS_KEY_ID not set), ...", or one reason without a list. */
    static String summarize(String message) {
        String text = Hints.scannable(message);
        int listStart = text.indexOf(LIST_START);
        if (listStart < 0) {
            return "the credential provider found none: " + reason(null, text);
        }
        String list = text.substring(listStart + LIST_START.length());
        Matcher entry = ENTRY.matcher(list);
        StringBuilder summary = new StringBuilder();
        int count = 0;
        String label = null;
        int reasonStart = 0;
        while (entry.find()) {
            if (label != null) {
                appendEntry(summary, label, list.substring(reasonStart, entry.start()));
            }
            label = label(entry.group(1));
            reasonStart = entry.end();
            count++;
        }
        if (label == null) {
            return "no provider in the chain found credentials";
        }
        appendEntry(summary, label, list.substring(reasonStart));
        return "tried " + count + (count == 1 ? " provider: " : " providers: ") + summary;
    }

    private static void appendEntry(StringBuilder summary, String label, String entryText) {
        summary.append(summary.length() == 0 ? "" : ", ").append(label).append(" (")
                .append(reason(label, entryText)).append(')');
    }

    private static String label(String simpleName) {
        if (simpleName.contains("EC2ContainerCredentials")) {
            return "container/instance metadata";
        }
        String[][] labels = {{"WebIdentity", "web identity"}, {"Environment", "environment"},
                {"SystemPropert", "system properties"}, {"InstanceProfile", "instance metadata"},
                {"Container", "container"}, {"Sso", "sso"}, {"Process", "process"}, {"Profile", "profile"},
                {"Static", "static"}};
        for (String[] candidate : labels) {
            if (simpleName.contains(candidate[0])) {
                return candidate[1];
            }
        }
        return Hints.oneLine(simpleName, 40);
    }

    private static String reason(String label, String text) {
        if (text.contains("AWS_EC2_METADATA_DISABLED") || text.contains("have been disabled")) {
            return "disabled";
        }
        if (text.contains("aws-java-sdk-sts")) {
            return "aws-java-sdk-sts not on the class path";
        }
        if (text.contains("roleArn") || text.contains("AWS_ROLE_ARN")) {
            return "no role ARN";
        }
        if (text.contains("AWS_WEB_IDENTITY_TOKEN_FILE")) {
            return "no token file";
        }
        if (text.contains("profile file cannot be null")) {
            return "no profile file";
        }
        String profile = Hints.find(PROFILE_NAME, text);
        if (profile != null) {
            return text.contains("No AWS profile named") ? "no profile '" + profile + "'"
                    : "no keys in profile '" + profile + "'";
        }
        if (text.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return "no container URI set";
        }
        if (text.contains("Failed to connect") || text.contains("Failed to load credentials from")
                || text.contains("Unable to contact")) {
            return "endpoint unreachable";
        }
        if (text.contains("expired")) {
            return "expired";
        }
        return keysNotSet(label, text);
    }

    private static String keysNotSet(String label, String text) {
        if ("environment".equals(label) || label == null && text.contains("environment variables")) {
            return "AWS_ACCESS_KEY_ID not set";
        }
        if ("system properties".equals(label) || label == null && text.contains("system properties")) {
            return "aws.accessKeyId not set";
        }
        return label == null && text.contains("system settings")
                ? "neither AWS_ACCESS_KEY_ID nor aws.accessKeyId set"
                : "failed";
    }
}
