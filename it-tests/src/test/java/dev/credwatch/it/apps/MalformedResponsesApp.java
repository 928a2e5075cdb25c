package dev.credwatch.it.apps;

import dev.credwatch.it.harness.malformed.MalformedCase;
import dev.credwatch.it.harness.malformed.MalformedCases;

/**
 * An application that calls the malformed fake AWS once per generated case, through SDK v1 or v2 (the first
 * argument), and prints one line per case: {@code CASE <id> -> ok <summary>} or the exception as the SDK reports
 * it. It knows nothing of credwatch; the IT compares its lines with and without the agent. The clients are built
 * once, as an application holds them, and the case travels in a request header.
 *
 * <p>System properties: {@code app.endpoint} (the malformed fake), {@code app.accessKey}, {@code app.secretKey}.
 */
public final class MalformedResponsesApp {
    private MalformedResponsesApp() {
    }

    public static void main(String[] args) {
        String endpoint = System.getProperty("app.endpoint");
        String accessKey = System.getProperty("app.accessKey");
        String secretKey = System.getProperty("app.secretKey");
        CaseCaller caller = switch (args[0]) {
            case "v1" -> new MalformedV1Calls(endpoint, accessKey, secretKey);
            case "v2" -> new MalformedV2Calls(endpoint, accessKey, secretKey);
            default -> throw new IllegalArgumentException("name the SDK: v1 or v2, not " + args[0]);
        };
        for (MalformedCase malformed : MalformedCases.all()) {
            String outcome;
            try {
                outcome = "ok " + caller.call(malformed);
            } catch (Throwable t) {
                // Errors too: an agent failure could surface as one, and must show up in the comparison.
                outcome = caller.describe(t) + CaseOutcomes.agentFrames(t);
            }
            System.out.println("CASE " + malformed.id() + " -> " + outcome);
        }
        System.out.flush();
    }

    /** One SDK generation's clients. */
    interface CaseCaller {
        /** Makes the case's call and summarizes its result. */
        String call(MalformedCase malformed) throws Exception;

        /** The exception as the SDK reports it: class, status, error code, request id, message. */
        String describe(Throwable failure);
    }
}
