package dev.credwatch.demo.fakeaws;

import java.time.Instant;

/**
 * One request the fake received, as tests want to see it.
 *
 * @param receivedAt  the fake's (possibly offset) clock when the request arrived
 * @param service     the SigV4 service name ({@code sts}, {@code sns}, {@code sqs}, {@code s3},
 *                    {@code memorydb}), or {@code imds} / {@code container} for the credential endpoints
 * @param action      the operation, e.g. {@code SendMessage}; for the credential endpoints
 *                    {@code GetToken}, {@code ListRoles} or {@code GetCredentials}
 * @param accessKeyId the key id of the Credential scope (for credential endpoints: the key issued), or null
 * @param status      the HTTP status answered
 * @param outcome     {@code OK}, or the AWS error code answered (e.g. {@code RequestTimeTooSkewed})
 */
public record FakeRequest(Instant receivedAt, String service, String action, String accessKeyId,
                          int status, String outcome) {

    public static final String OK = "OK";

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
