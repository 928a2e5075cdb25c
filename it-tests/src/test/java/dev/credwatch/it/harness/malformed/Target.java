package dev.credwatch.it.harness.malformed;

/**
 * The SDK calls the malformed cases are aimed at: one per protocol family the agent reads. SQS speaks AWS JSON 1.0
 * in both SDK generations of this build, STS the query protocol with XML answers; GetSessionToken is there because
 * the agent reads the issued key id and expiration out of its result.
 */
public enum Target {
    SQS_LIST_QUEUES("SQS ListQueues", true),
    STS_GET_CALLER_IDENTITY("STS GetCallerIdentity", false),
    STS_GET_SESSION_TOKEN("STS GetSessionToken", false);

    private final String label;
    private final boolean json;

    Target(String label, boolean json) {
        this.label = label;
        this.json = json;
    }

    public String label() {
        return label;
    }

    public boolean json() {
        return json;
    }

    /** What the real service puts in {@code Content-Type}. */
    public String contentType() {
        return json ? "application/x-amz-json-1.0" : "text/xml";
    }
}
