package dev.credwatch.demo.fakeaws;

/**
 * An authenticated request on its way to a service.
 *
 * @param caller the key that signed it; null for the few unsigned actions (AssumeRoleWithWebIdentity)
 * @param region the region of the credential scope, or us-east-1 when unsigned
 */
record Call(HttpRequest request, String action, AccessKey caller, String region, String requestId) {
}
