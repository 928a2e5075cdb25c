package dev.credwatch.it.apps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Renders what a malformed case did as one stable line: nothing in it may differ between two runs. */
final class CaseOutcomes {
    private static final int MAX_TEXT = 200;

    private CaseOutcomes() {
    }

    /**
     * One line, with the port (each fake has its own) and identity hashes replaced; line breaks and controls
     * escaped; shortened to {@value #MAX_TEXT} characters plus the length, so a 256 KiB message stays readable.
     */
    static String stable(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
                .replaceAll("@[0-9a-f]{5,8}\\b", "@<hash>");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), MAX_TEXT); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return text.length() > MAX_TEXT ? line + "...(" + text.length() + " chars)" : line.toString();
    }

    /** A client-side failure: its class, message and the classes of its causes. */
    static String clientFailure(Throwable failure) {
        List<String> causes = new ArrayList<>();
        for (Throwable cause = failure.getCause(); cause != null && causes.size() < 8; cause = cause.getCause()) {
            causes.add(cause.getClass().getName() + ": " + stable(cause.getMessage()));
        }
        return failure.getClass().getName() + " message=" + stable(failure.getMessage()) + " causes=" + causes;
    }

    /**
     * Where the exception (its causes and suppressed ones included) passed through credwatch's code: empty when
     * it never did. Without the agent it is always empty, so any frame makes the comparison fail too.
     */
    static String agentFrames(Throwable failure) {
        List<String> frames = new ArrayList<>();
        collect(failure, frames, Collections.newSetFromMap(new IdentityHashMap<>()));
        return frames.isEmpty() ? "" : " AGENT-FRAMES=" + frames;
    }

    private static void collect(Throwable failure, List<String> frames, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        if (failure.getClass().getName().startsWith("dev.credwatch.agent")) {
            frames.add("class " + failure.getClass().getName());
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.credwatch.agent")) {
                frames.add(frame.toString());
            }
        }
        collect(failure.getCause(), frames, seen);
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, frames, seen);
        }
    }
}
