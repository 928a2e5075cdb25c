package dev.credwatch.it.harness.malformed;

/**
 * GetSessionToken answers (status 200) whose issued credentials are odd: credwatch reads the key id and the
 * expiration of every STS result the application receives, so these reach its expiry registry.
 */
public enum IssuedCredentialsFault {
    VALID("valid credentials", "ASIAMALFORMED", Documents.VALID_EXPIRATION, true),
    EXPIRATION_GARBAGE("a garbage expiration", "ASIAMALFORMED", "soon", true),
    EXPIRATION_1900("an expiration in 1900", "ASIAMALFORMED", "1900-01-01T00:00:00Z", true),
    EXPIRATION_9999("an expiration in 9999", "ASIAMALFORMED", "9999-12-31T23:59:59Z", true),
    EXPIRATION_EPOCH_SECONDS("an expiration in epoch seconds", "ASIAMALFORMED", "4102444800", true),
    EXPIRATION_WITH_OFFSET("an expiration with a +14:00 offset", "ASIAMALFORMED", "2099-01-01T00:00:00+14:00", true),
    EXPIRATION_NANOSECONDS("an expiration with nanoseconds", "ASIAMALFORMED", "2099-01-01T00:00:00.123456789Z",
            true),
    EXPIRATION_EMPTY("an empty expiration", "ASIAMALFORMED", "", true),
    EXPIRATION_MISSING("no expiration", "ASIAMALFORMED", null, true),
    KEY_ID_EMPTY("an empty access key id", "", Documents.VALID_EXPIRATION, true),
    KEY_ID_HOSTILE("an access key id with quotes, '=' and a newline", "ASIA\"key=x\n[credwatch] ERROR forged",
            Documents.VALID_EXPIRATION, true),
    NO_CREDENTIALS("a result without credentials", null, null, false);

    private final String description;
    private final String keyIdPrefix;
    private final String expiration;
    private final boolean hasCredentials;

    IssuedCredentialsFault(String description, String keyIdPrefix, String expiration, boolean hasCredentials) {
        this.description = description;
        this.keyIdPrefix = keyIdPrefix;
        this.expiration = expiration;
        this.hasCredentials = hasCredentials;
    }

    public String description() {
        return description;
    }

    public byte[] body(int id) {
        String credentials = hasCredentials ? Documents.credentials(Documents.xmlText(keyIdPrefix.isEmpty()
                ? "" : keyIdPrefix + id), expiration, id) : "";
        return Bodies.utf8(Documents.xmlSuccess(Target.STS_GET_SESSION_TOKEN,
                "<GetSessionTokenResult>" + credentials + "</GetSessionTokenResult>", id));
    }
}
