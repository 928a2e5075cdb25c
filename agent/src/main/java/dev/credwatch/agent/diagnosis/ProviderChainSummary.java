package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CredentialFetch;

import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens the SDK's "no credentials" message to one reason per provider tried. SDK v1 writes
 * {@code ...chain: [EnvironmentVariableCredentialsProvider: reason, com...ProfileCredentialsProvider@7b1d: reason]},
 * SDK v2 {@code ...chain AwsCredentialsProviderChain(...) : [EnvironmentVariableCredentialsProvider(): reason, ...]};
 * reasons are matched against known phrases and never copied ({@link ProviderReason}).
 */
final class ProviderChainSummary {
    private static final String LIST_START = ": [";
    // A provider entry starts the list or follows ", ", and its name is followed by "(", "@hash" or ":".
    private static final Pattern ENTRY = Pattern.compile("(?:^|, )(?:[A-Za-z0-9_$]+\\.)*([A-Za-z0-9_$]*Provider"
            + "[A-Za-z0-9_$]*)(?=[(@:])");
    /** Role sources: the deployment most likely meant one of these, so their reasons come first. */
    private static final String[] ROLE_LABELS = {"web identity", "container", "instance metadata"};

    final String text;
    /** The providers' reason codes, role sources first, those merely not configured left out. */
    final String reasons;

    private ProviderChainSummary(String text, String reasons) {
        this.text = text;
        this.reasons = reasons;
    }

    /** "tried 5 providers: environment (AWS_ACCESS_KEY_ID not set), ...", or one reason without a list. */
    static String summarize(String message) {
        return of(message, Collections.<CredentialFetch>emptyList()).text;
    }

    /** True for a chain's message, which lists each provider tried. */
    static boolean isChain(String message) {
        return Hints.scannable(message).contains(LIST_START);
    }

    /** {@code fetches}: the fetches the call waited for, whose failures explain their providers best. */
    static ProviderChainSummary of(String message, List<CredentialFetch> fetches) {
        String text = Hints.scannable(message);
        int listStart = text.indexOf(LIST_START);
        if (listStart < 0) {
            CredentialFetch failed = firstFailed(fetches, null);
            ProviderReason only = failed != null ? ProviderReason.fetched(failed.reason())
                    : ProviderReason.of(null, text);
            return new ProviderChainSummary("the credential provider found none: " + only.words, only.code);
        }
        String list = text.substring(listStart + LIST_START.length());
        Matcher entry = ENTRY.matcher(list);
        Reasons reasons = new Reasons();
        int count = 0;
        String label = null;
        int reasonStart = 0;
        while (entry.find()) {
            if (label != null) {
                addEntry(reasons, label, list.substring(reasonStart, entry.start()), fetches);
            }
            label = label(entry.group(1));
            reasonStart = entry.end();
            count++;
        }
        if (label == null) {
            return new ProviderChainSummary("no provider in the chain found credentials", null);
        }
        addEntry(reasons, label, list.substring(reasonStart), fetches);
        return new ProviderChainSummary("tried " + count + (count == 1 ? " provider: " : " providers: ")
                + reasons.described(), reasons.joined());
    }

    private static void addEntry(Reasons reasons, String label, String entryText, List<CredentialFetch> fetches) {
        CredentialFetch failed = firstFailed(fetches, label);
        reasons.add(label, failed != null ? ProviderReason.fetched(failed.reason())
                : ProviderReason.of(label, entryText));
    }

    /** The first failed fetch of the provider {@code label} names (any, for null). */
    private static CredentialFetch firstFailed(List<CredentialFetch> fetches, String label) {
        for (CredentialFetch fetch : fetches) {
            if (fetch.failed() && (label == null || label.contains(label(fetch.provider())))) {
                return fetch;
            }
        }
        return null;
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

    /**
     * The providers' reasons in the order a reader needs them: the role sources that failed, the others that
     * failed, then those merely not configured, by name only (a hint must stay one short line).
     */
    private static final class Reasons {
        private final StringBuilder roles = new StringBuilder();
        private final StringBuilder others = new StringBuilder();
        private final StringBuilder failedRoles = new StringBuilder();
        private final StringBuilder failedOthers = new StringBuilder();
        private final StringBuilder notSet = new StringBuilder();

        void add(String label, ProviderReason reason) {
            if (ProviderReason.NOT_SET.equals(reason.code)) {
                notSet.append(notSet.length() == 0 ? "" : ", ").append(label);
                return;
            }
            StringBuilder words = isRole(label) ? failedRoles : failedOthers;
            words.append(words.length() == 0 ? "" : ", ").append(label).append(" (").append(reason.words).append(')');
            StringBuilder to = isRole(label) ? roles : others;
            if (!(',' + roles.toString() + ',' + others + ',').contains(',' + reason.code + ',')) {
                to.append(to.length() == 0 ? "" : ",").append(reason.code);
            }
        }

        String described() {
            StringBuilder text = new StringBuilder(failedRoles);
            text.append(text.length() > 0 && failedOthers.length() > 0 ? ", " : "").append(failedOthers);
            if (notSet.length() > 0) {
                text.append(text.length() > 0 ? "; " : "").append("not set: ").append(notSet);
            }
            return text.toString();
        }

        String joined() {
            if (roles.length() == 0 && others.length() == 0) {
                return ProviderReason.NOT_SET;
            }
            return roles.length() == 0 ? others.toString()
                    : others.length() == 0 ? roles.toString() : roles + "," + others;
        }

        private static boolean isRole(String label) {
            for (String role : ROLE_LABELS) {
                if (label.contains(role)) {
                    return true;
                }
            }
            return false;
        }
    }
}
