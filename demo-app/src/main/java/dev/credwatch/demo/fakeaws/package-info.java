/**
 * A fake AWS endpoint for the credwatch demo and tests; {@link dev.credwatch.demo.fakeaws.FakeAws}
 * is the entry point, {@link dev.credwatch.demo.fakeaws.FakeRequest} what it records, and
 * {@link dev.credwatch.demo.fakeaws.FakeAwsMain} runs it standalone. Everything else is internal.
 *
 * <h2>Pointing the SDKs' credential providers at the fake</h2>
 * Verified against the sources of SDK v1 1.12.797 and SDK v2 2.35.0.
 * <ul>
 * <li><b>Instance metadata</b> ({@code FakeAws.instanceMetadataEndpoint()}, the base URL; the SDKs
 * append {@code /latest/api/token} and {@code /latest/meta-data/iam/security-credentials/}).
 * SDK v1 {@code InstanceProfileCredentialsProvider}: system property
 * {@code com.amazonaws.sdk.ec2MetadataServiceEndpointOverride}, else env
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, read on every fetch
 * ({@code EC2MetadataUtils.getHostAddressForEC2MetadataService}). SDK v2
 * {@code InstanceProfileCredentialsProvider}: {@code builder().endpoint(..)}, else system property
 * {@code aws.ec2MetadataServiceEndpoint}, else env {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, else
 * the profile's {@code ec2_metadata_service_endpoint}.</li>
 * <li><b>Container credentials</b> ({@code FakeAws.containerCredentialsUri()}, a full URI).
 * SDK v1 {@code ContainerCredentialsProvider} (and {@code EC2ContainerCredentialsProviderWrapper} in
 * the default chain) reads env {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} (or {@code ..._TOKEN_FILE}) only, no system properties;
 * plain http is allowed when the host resolves to loopback, so 127.0.0.1 works. In-process, pass a
 * {@code com.amazonaws.internal.CredentialsEndpointProvider} to
 * {@code new ContainerCredentialsProvider(..)}. SDK v2 {@code ContainerCredentialsProvider}: system
 * property {@code aws.containerCredentialsFullUri} or env {@code AWS_CONTAINER_CREDENTIALS_FULL_URI},
 * token from {@code aws.containerAuthorizationToken} / {@code AWS_CONTAINER_AUTHORIZATION_TOKEN};
 * its {@code builder().endpoint(..)} only replaces the host used with
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}. Beware: both SDKs treat an empty
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} as set, and then call 169.254.170.2.</li>
 * <li><b>Web identity</b> (STS {@code AssumeRoleWithWebIdentity}, unsigned). SDK v1
 * {@code STSAssumeRoleWithWebIdentitySessionCredentialsProvider.Builder(roleArn, sessionName, tokenFile)
 * .withStsClient(..)} and SDK v2 {@code StsAssumeRoleWithWebIdentityCredentialsProvider} /
 * {@code StsWebIdentityTokenFileCredentialsProvider} {@code .stsClient(..)}: give them an STS client
 * whose endpoint is {@link dev.credwatch.demo.fakeaws.FakeAws#endpoint()}; the clients they build
 * themselves (and the default chains') call the real STS.</li>
 * <li><b>SSO portal</b> ({@code GET /federation/credentials} on the same port): the endpoint
 * override of SDK v2's {@code SsoClient}.</li>
 * </ul>
 *
 * <h2>Making the providers fail</h2>
 * {@code imdsTokenUnanswered}, {@code imdsTokenRefused}, {@code imdsNoRole}, {@code imdsThrottled},
 * {@code containerFails}, {@code credentialsDelay}, {@code acceptWebIdentityToken} /
 * {@code expireWebIdentityToken}, {@code acceptSsoAccessToken} and {@code throttle} switch the faults
 * that the SDKs' own providers then meet; {@code reset()} undoes them all. Both SDKs wait 1 s for an
 * IMDS or container answer by default (SDK v1: env {@code AWS_METADATA_SERVICE_TIMEOUT}; SDK v2:
 * system property {@code aws.ec2MetadataServiceTimeout}, IMDS only), and fall back to IMDSv1 when the
 * token PUT times out or answers any error but 400 (SDK v1 fails on a 5xx too), unless
 * {@code com.amazonaws.sdk.disableEc2MetadataV1} (v1) or {@code aws.disableEc2MetadataV1} (v2) is true.
 *
 * <h2>Errors, by wire protocol</h2>
 * Query services (STS, SNS, query-mode SQS) answer authentication faults with HTTP 403 and
 * {@code InvalidClientTokenId}, {@code ExpiredToken}, {@code SignatureDoesNotMatch} (also for a
 * signing time more than 15 minutes off: "Signature expired: ... (... - 15 min.)"); JSON services
 * (SQS, MemoryDB) with HTTP 400 and {@code UnrecognizedClientException},
 * {@code ExpiredTokenException}, {@code InvalidSignatureException}; S3 with
 * {@code InvalidAccessKeyId}, {@code InvalidToken}, {@code ExpiredToken},
 * {@code SignatureDoesNotMatch}, {@code RequestTimeTooSkewed}, and {@code AuthorizationHeaderMalformed}
 * (400, with {@code Region}) for a bucket placed in another region than the one signed for. A denied action is
 * {@code AccessDenied} (STS, query SQS, S3), {@code AuthorizationError} (SNS) or
 * {@code AccessDeniedException} (JSON services), with HTTP 403.
 */
package dev.credwatch.demo.fakeaws;
