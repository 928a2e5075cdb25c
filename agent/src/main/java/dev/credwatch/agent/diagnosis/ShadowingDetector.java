package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keys an operator left in the environment, a system property or a profile win the default chain before
 * any role, so a role configured for the workload (web identity, container) silently goes unused. Found
 * once per key id: the state does not change between calls. Raised whether or not the call failed, since
 * the shadowing is often why it failed.
 */
final class ShadowingDetector {
    private static final int MAX_REMEMBERED_KEYS = 1024;
    private static final int MAX_ROLE_ARN_CHARS = 120;
    private static final String WEB_IDENTITY = "the web identity role ";

    /** The role the environment configures, or null; the environment is fixed for the JVM's life. */
    private final String configuredRole;
    /** The role configured is a web identity role, which needs the STS module. */
    private final boolean webIdentityConfigured;
    private final Set<String> reportedKeys = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED_KEYS;
        }
    });

    ShadowingDetector(Function<String, String> environment) {
        this.configuredRole = configuredRole(environment);
        this.webIdentityConfigured = configuredRole != null && configuredRole.startsWith(WEB_IDENTITY);
    }

    Diagnosis check(CredentialInfo credentials) {
        if (configuredRole == null || credentials == null || !credentials.fromDefaultChain()) {
            return null;
        }
        boolean roleCannotWork = webIdentityConfigured && credentials.stsModuleMissing();
        if (!roleCannotWork && !credentials.source().canShadowRole()) {
            return null;
        }
        String identity = credentials.accessKeyId() != null
                ? credentials.accessKeyId()
                : credentials.source().wireName() + '/' + credentials.provider();
        synchronized (reportedKeys) {
            if (!reportedKeys.add(identity)) {
                return null;
            }
        }
        if (roleCannotWork) {
            // The SDK skips the web identity provider without a word at its default log level.
            return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_SHADOWED, "add aws-java-sdk-sts (SDK v1) or "
                    + "software.amazon.awssdk:sts (SDK v2) to the class path: without it " + configuredRole
                    + " cannot be used, so the default chain used " + Hints.source(credentials), null)
                    .withReason("sts_module_missing");
        }
        return Hints.diagnosis(DiagnosisCategory.CREDENTIALS_SHADOWED, "keys from "
                + Hints.source(credentials) + " (" + Hints.whereConfigured(credentials)
                + ") won the default chain over " + configuredRole + ": remove them to use the role", null);
    }

    private static String configuredRole(Function<String, String> environment) {
        String roleArn = environment.apply("AWS_ROLE_ARN");
        if (isSet(environment.apply("AWS_WEB_IDENTITY_TOKEN_FILE")) && isSet(roleArn)) {
            return WEB_IDENTITY + Hints.oneLine(roleArn.trim(), MAX_ROLE_ARN_CHARS);
        }
        if (isSet(environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
                || isSet(environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI"))) {
            return "the container role (AWS_CONTAINER_CREDENTIALS_*_URI is set)";
        }
        return null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.trim().isEmpty();
    }
}
