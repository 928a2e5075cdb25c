package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;

import java.util.regex.Pattern;

/**
 * Requests AWS authenticated but refused. IAM messages name the principal, the action and sometimes the
 * policy type ("User: arn:aws:sts::123456789012:assumed-role/app/i-0abc is not authorized to perform:
 * sqs:SendMessage on resource: ... with an explicit deny in a service control policy"): those pieces are
 * quoted, the message itself never is.
 */
final class AccessRules {
    private static final Pattern PRINCIPAL =
            Pattern.compile("User: (arn:aws[a-z-]*:(?:iam|sts)::\\d{12}:[A-Za-z0-9+=,.@/_-]{1,160})");
    private static final Pattern ACTION = Pattern.compile("perform: ([a-z0-9-]{1,40}:[A-Za-z0-9*]{1,80})");
    private static final Pattern DENYING_POLICY = Pattern.compile("explicit deny in an? ([a-z -]{1,40}?policy)");

    private AccessRules() {
    }

    static Diagnosis denied(CallObservation call) {
        String code = call.errorCode();
        String operation = Hints.operation(call);
        String source = Hints.source(call.credentials());
        if ("Forbidden".equals(code) || "403 Forbidden".equals(code)) {
            // No AWS error document: S3 answers HEAD requests so, and so do proxies and firewalls in between.
            return Hints.diagnosis(DiagnosisCategory.ACCESS_DENIED, operation + " was refused with a bare "
                    + "HTTP 403 and no AWS error (S3 answers HEAD requests so, a proxy in between may too): check the "
                    + "IAM and resource policies for the identity from " + source, code);
        }
        String message = call.errorMessage();
        String principal = Hints.find(PRINCIPAL, message);
        String identity = principal == null
                ? "the identity from " + source
                : principal + " (from " + source + ")";
        String policy = Hints.find(DENYING_POLICY, message);
        String action = Hints.find(ACTION, message);
        String remedy = policy != null
                ? "an explicit deny in a " + policy + " blocks it"
                : "check the IAM policy" + (action == null ? "" : " for " + action);
        return Hints.diagnosis(DiagnosisCategory.ACCESS_DENIED,
                operation + " is not allowed for " + identity + ": " + remedy, code);
    }
}
