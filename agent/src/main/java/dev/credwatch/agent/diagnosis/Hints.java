package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.observation.CallObservation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small pieces hints are built from. Hints never contain the access key id (the log line's {@code key} field
 * carries it, masked as configured) and never the error message: only pieces parsed out of it.
 */
final class Hints {
    /** Long enough for a provider chain summary, short enough to read on one line. */
    static final int MAX_HINT_CHARS = 240;
    /**
     * Error messages can be huge (S3 echoes the canonical request): look only at their start, which is long
     * enough for an SDK v2 chain message that prints a large profile file twice.
     */
    static final int MAX_SCANNED_CHARS = 16_000;

    private Hints() {
    }

    static Diagnosis diagnosis(DiagnosisCategory category, String hint, String code) {
        return new Diagnosis(category, oneLine(hint, MAX_HINT_CHARS), code);
    }

    /** {@code SQS.SendMessage}, or "the call" when the instrumentation could not name it. */
    static String operation(CallObservation call) {
        if (call.service() == null || call.operation() == null) {
            return call.service() == null && call.operation() == null ? "the call"
                    : oneLine(call.service() == null ? call.operation() : call.service(), 60);
        }
        return oneLine(call.service(), 40) + '.' + oneLine(call.operation(), 60);
    }

    /** The contract's source name, e.g. {@code environment}; {@code unknown} without credentials. */
    static String source(CredentialInfo credentials) {
        return credentials == null ? CredentialSource.UNKNOWN.wireName() : credentials.source().wireName();
    }

    /** Where an operator set the key id of this source, to point them at it. */
    static String whereConfigured(CredentialInfo credentials) {
        switch (credentials == null ? CredentialSource.UNKNOWN : credentials.source()) {
            case ENVIRONMENT:
                return "AWS_ACCESS_KEY_ID";
            case SYSTEM_PROPERTIES:
                return "the aws.accessKeyId property";
            case PROFILE:
                return "the profile's aws_access_key_id";
            case STATIC:
                return "the keys set in code or configuration";
            default:
                return "the provider's configuration";
        }
    }

    static boolean isTemporary(CredentialInfo credentials) {
        return credentials != null && credentials.kind() == CredentialKind.TEMPORARY;
    }

    /** ASIA key ids are always STS session keys, whatever the SDK was given alongside. */
    static boolean hasSessionKeyId(CredentialInfo credentials) {
        return credentials != null && CredentialKind.isSessionKeyId(credentials.accessKeyId());
    }

    /** The start of the message, safe to run patterns over; empty for null. */
    static String scannable(String message) {
        if (message == null) {
            return "";
        }
        return message.length() > MAX_SCANNED_CHARS ? message.substring(0, MAX_SCANNED_CHARS) : message;
    }

    /** The first group of the pattern's first match in the message, or null. */
    static String find(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(scannable(message));
        return matcher.find() ? matcher.group(1) : null;
    }

    static boolean contains(String message, String needle) {
        return scannable(message).contains(needle);
    }

    /** Control characters become spaces and long text is cut, so that a hint stays one short line. */
    static String oneLine(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), maxChars));
        for (int i = 0; i < text.length() && line.length() < maxChars; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (text.length() > maxChars) {
            line.setLength(maxChars - 3);
            line.append("...");
        }
        return line.toString();
    }
}
