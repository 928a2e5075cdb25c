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
 * </ul>
 *
 * <h2>Errors, by wire protocol</h2>
 * Query services (STS, SNS, query-mode SQS) answer authentication faults with HTTP 403 and
 * {@code InvalidClientTokenId}, {@code ExpiredToken}, {@code SignatureDoesNotMatch} (also for a
 * signing time more than 15 minutes off: "Signature expired: ... (... - 15 min.)"); JSON services
 * (SQS, MemoryDB) with HTTP 400 and {@code UnrecognizedClientException},
 * {@code ExpiredTokenException}, {@code InvalidSignatureException}; S3 with
 * {@code InvalidAccessKeyId}, {@code InvalidToken}, {@code ExpiredToken},
 * {@code SignatureDoesNotMatch}, {@code RequestTimeTooSkewed}. A denied action is
 * {@code AccessDenied} (STS, query SQS, S3), {@code AuthorizationError} (SNS) or
 * {@code AccessDeniedException} (JSON services), with HTTP 403.
 */
package dev.credwatch.demo.fakeaws;
