package dev.credwatch.it.harness.malformed;

import java.util.function.Supplier;

/**
 * One generated fault: the call the application makes ({@code target}), a stable id (its position in the
 * generated list, routed by the {@value MalformedCases#CASE_HEADER} request header) and what the fake answers.
 * The answer is built per request, so that its {@code Date} is the current one.
 */
public record MalformedCase(int id, Target target, String description, Supplier<Exchange> answer) {
    @Override
    public String toString() {
        return "case " + id + " (" + target.label() + ": " + description + ")";
    }

    /**
     * The raw bytes the fake writes after reading the request, and how it then ends the connection: a plain close
     * (the client reads end-of-stream) or a reset (TCP RST, the client reads "connection reset").
     */
    public record Exchange(byte[] bytes, boolean reset) {
    }
}
