package dev.credwatch.demo.fakeaws;

import java.time.Instant;

/**
 * One request the fake received, as tests want to see it.
 *
 * @param receivedAt  the fake's (possibly offset) clock when the request arrived
 * @param service     the SigV4 service name ({@code sts}, {@code sns}, {@code sqs}, {@code s3},
 *                    {@code memorydb}), {@code imds} / {@code container} for the credential endpoints, or
 *                    {@code sso} for the SSO portal
 * @param action      the operation, e.g. {@code SendMessage}; for the credential endpoints
 *                    {@code GetToken}, {@code ListRoles} or {@code GetCredentials}; {@code GetRoleCredentials}
 * @param accessKeyId the key id of the Credential scope (for credential endpoints and SSO: the key issued), or null
 * @param status      the HTTP status answered; 0 for a request held without an answer
 * @param outcome     {@code OK}, or the AWS error code answered (e.g. {@code RequestTimeTooSkewed}); for
 *                    the credential endpoints' faults {@code Unanswered}, {@code TokenRefused},
 *                    {@code NotFound}, {@code TooManyRequests}, or the container error's code
 *                    ({@code InternalServerError}, ...). A delayed answer is recorded when the request arrives,
 *                    so it may show {@code OK} although the client had stopped waiting.
 */
public record FakeRequest(Instant receivedAt, String service, String action, String accessKeyId,
                          int status, String outcome) {

    public static final String OK = "OK";

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
