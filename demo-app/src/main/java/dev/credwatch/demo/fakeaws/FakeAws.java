package dev.credwatch.demo.fakeaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A fake AWS endpoint on {@code http://127.0.0.1:PORT} that verifies SigV4 signatures against
 * its own key table and answers STS, SNS, SQS (JSON and query), S3 (path style) and MemoryDB in
 * their real wire formats, with the real error codes for bad keys, tokens, signatures, clocks
 * and permissions. Faults can be switched at run time. It never talks to AWS.
 *
 * <pre>{@code
 * try (FakeAws fake = FakeAws.start()) {
 *     fake.addLongTermKey("AKIAEXAMPLE", "secret");
 *     // point a client at fake.endpoint() with region us-east-1
 *     fake.setClockOffset(Duration.ofMinutes(20));   // RequestTimeTooSkewed / "Signature expired"
 *     fake.deny("sqs", "SendMessage");               // AccessDenied(Exception)
 *     fake.requests();                               // what it saw, with outcomes
 * }
 * }</pre>
 *
 * <p>It starts with a topic, a queue, an S3 bucket (holding {@code hello.txt}) and a MemoryDB
 * cluster, all named {@code credwatch-demo}. Any region is accepted (except on a bucket pinned to one with
 * {@link #placeBucket}); ARNs use account
 * {@code 123456789012}. The instance-metadata and container-credentials endpoints share the port; how to point each
 * SDK's providers at them is described in the {@linkplain dev.credwatch.demo.fakeaws package documentation}.
 */
public final class FakeAws implements AutoCloseable {
    private final FakeState state = new FakeState();
    private final S3Service s3 = new S3Service(state);
    private final LoopbackHttpServer server;

    private FakeAws(int port) throws IOException {
        SnsService sns = new SnsService();
        SqsQueues queues = new SqsQueues(state);
        server = new LoopbackHttpServer(port, new FakeAwsRouter(state, sns, queues, s3), state.clock::httpDate);
        state.endpoint = "http://127.0.0.1:" + server.port();
        // A little data so that list and get calls have something to show.
        sns.createTopic("us-east-1", "credwatch-demo");
        queues.create("credwatch-demo");
        s3.store.put("credwatch-demo", "hello.txt", "hello from the fake AWS endpoint\n", state.clock.now());
    }

    /** Starts on a free port. */
    public static FakeAws start() {
        return start(0);
    }

    /** Starts on {@code port} (0 picks a free one). */
    public static FakeAws start(int port) {
        try {
            return new FakeAws(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint override for every service client. */
    public String endpoint() {
        return state.endpoint;
    }

    public int port() {
        return server.port();
    }

    /** The account id in every ARN the fake returns. */
    public String accountId() {
        return Ids.ACCOUNT_ID;
    }

    /** The IMDS endpoint, i.e. {@link #endpoint()}: the SDKs append {@code /latest/...}. */
    public String instanceMetadataEndpoint() {
        return state.endpoint;
    }

    /** The full URI for {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String containerCredentialsUri() {
        return state.endpoint + CredentialEndpoints.CONTAINER_PATH;
    }

    /** The role name the instance-metadata endpoint lists. */
    public String instanceProfileRoleName() {
        return CredentialEndpoints.IMDS_ROLE;
    }

    /** Accepts a long-term (AKIA...) key from now on. */
    public FakeAws addLongTermKey(String accessKeyId, String secretAccessKey) {
        state.keys.add(new AccessKey(accessKeyId, secretAccessKey, null, null, KeyTable.DEFAULT_USER_ARN));
        return this;
    }

    /** Accepts a session (ASIA...) key with its token until {@code expiry} on the fake's clock. */
    public FakeAws addSessionKey(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiry) {
        String arn = "arn:aws:sts::" + Ids.ACCOUNT_ID + ":assumed-role/credwatch-demo-role/credwatch-session";
        state.keys.add(new AccessKey(accessKeyId, secretAccessKey, sessionToken, expiry, arn));
        return this;
    }

    /** Forgets a key (a deleted or rotated key): its next use gets the "unknown key" error. */
    public void removeKey(String accessKeyId) {
        state.keys.remove(accessKeyId);
    }

    /**
     * Shifts the fake's clock: Date headers, the signature-time check (15 minutes either way, as
     * AWS) and the expirations it issues all follow. Positive means AWS is ahead of this machine.
     */
    public void setClockOffset(Duration offset) {
        state.clock.setOffset(offset);
    }

    public Duration clockOffset() {
        return state.clock.offset();
    }

    /** The fake's current time (the real clock plus the offset). */
    public Instant now() {
        return state.clock.now();
    }

    /** Makes {@code service} (e.g. "sqs") deny {@code action} (e.g. "SendMessage", or "*" for all) with 403. */
    public void deny(String service, String action) {
        state.rules.deny(service, action);
    }

    public void allow(String service, String action) {
        state.rules.allow(service, action);
    }

    /**
     * Makes {@code service} reject the key with {@code errorCode} before it even looks the key up
     * (only a malformed Authorization header or a skewed clock answer first), e.g.
     * {@code rejectAs("sns", keyId, "InvalidSecurity")} or
     * {@code rejectAs("memorydb", keyId, "InvalidCredentialsException")}; {@code keyId} "*" means every key.
     */
    public void rejectAs(String service, String accessKeyId, String errorCode) {
        state.rules.rejectAs(service, accessKeyId, errorCode);
    }

    public void stopRejecting(String service, String accessKeyId) {
        state.rules.stopRejecting(service, accessKeyId);
    }

    /**
     * The lifetime of every credential the fake issues from now on (STS, instance metadata,
     * container). Unset: STS honours DurationSeconds, the rest get one hour.
     */
    public void issuedCredentialLifetime(Duration lifetime) {
        state.issuedLifetime = lifetime;
    }

    /** Makes the container endpoint demand {@code Authorization: token}; null accepts any request. */
    public void requireContainerAuthorization(String token) {
        state.containerAuthorizationToken = token;
    }

    /**
     * Makes {@code service} answer {@code action} ("*" for all) as throttled, before authentication:
     * STS and the other query services {@code Throttling} "Rate exceeded" (400), JSON services
     * {@code ThrottlingException} (400), S3 {@code SlowDown} (503), "sso" {@code TooManyRequestsException} (429).
     */
    public void throttle(String service, String action) {
        state.rules.throttle(service, action);
    }

    /**
     * As {@link #throttle}, once {@code successes} more requests of the action went through: a session provider's
     * first fetch works, its refresh is throttled.
     */
    public void throttleAfter(String service, String action, int successes) {
        state.rules.throttleAfter(service, action, successes);
    }

    /** IMDS reads the token PUT and never answers it (held at most 30 s): the IMDSv2 hop-limit symptom. */
    public void imdsTokenUnanswered() {
        state.credentialFaults.imdsTokenUnanswered = true;
    }

    /** IMDS answers the token PUT with {@code status}, e.g. 403 (a PUT via a proxy) or 405 (a proxy refusing PUT). */
    public void imdsTokenRefused(int status) {
        CredentialFaults.checkStatus(status);
        state.credentialFaults.imdsTokenStatus = status;
    }

    /** The instance has no instance profile: the role listing and the role's credentials answer 404. */
    public void imdsNoRole() {
        state.credentialFaults.imdsNoRole = true;
    }

    /** Every IMDS request, the token PUT included, answers 429. */
    public void imdsThrottled() {
        state.credentialFaults.imdsThrottled = true;
    }

    /** The container endpoint answers {@code status} with a {@code {"code","message"}} body instead of credentials. */
    public void containerFails(int status) {
        CredentialFaults.checkStatus(status);
        state.credentialFaults.containerStatus = status;
    }

    /**
     * The container endpoint hands out credentials {@code successes} more times, then answers {@code status}:
     * a refresh that fails while the keys fetched before are still valid.
     */
    public void containerFailsAfter(int successes, int status) {
        CredentialFaults.checkStatus(status);
        state.credentialFaults.containerFailsAfter(successes, status);
    }

    /** The IMDS role-credentials and the container responses wait {@code delay} before they go out; nothing else. */
    public void credentialsDelay(Duration delay) {
        state.credentialFaults.credentialsDelay = java.util.Objects.requireNonNull(delay, "delay");
    }

    /**
     * From now on AssumeRoleWithWebIdentity takes only registered tokens (the file's content); others get
     * 400 {@code InvalidIdentityToken}. Until a first call, every token is taken.
     */
    public void acceptWebIdentityToken(String token) {
        state.webIdentityTokens.accept(token);
    }

    /** AssumeRoleWithWebIdentity answers {@code token} with 400 {@code ExpiredTokenException} "Token expired: ...". */
    public void expireWebIdentityToken(String token) {
        // a second back, so that STS's message shows an expiry before the current time, as a real one does
        state.webIdentityTokens.expire(token, state.clock.now().minusSeconds(1));
    }

    /**
     * The SSO portal ({@code GET /federation/credentials} on {@link #endpoint()}) issues role keys for this
     * access token; any other gets 401 {@code UnauthorizedException}.
     */
    public void acceptSsoAccessToken(String token) {
        state.ssoAccessTokens.add(token);
    }

    /** Stores an S3 object (creating the bucket) for GetObject and listings. */
    public void putObject(String bucket, String key, String content) {
        s3.store.put(bucket, key, content, state.clock.now());
    }

    /**
     * Creates S3 bucket {@code bucket} (if needed) in {@code region}: from now on a request on it signed
     * for another region gets S3's 400 {@code AuthorizationHeaderMalformed} "the region 'us-east-1' is
     * wrong; expecting 'eu-west-1'", with a {@code Region} element and the {@code x-amz-bucket-region}
     * header. Other buckets keep accepting any region. {@link #reset()} keeps the placement.
     */
    public void placeBucket(String bucket, String region) {
        s3.store.place(bucket, region, state.clock.now());
    }

    /**
     * Every secret access key and session token the fake has been given or has issued (removed keys
     * included), so that a test can check that none of them leaks into any output.
     */
    public Set<String> secrets() {
        return state.keys.secrets();
    }

    /** The requests received so far, oldest first (at most the last 10,000). */
    public List<FakeRequest> requests() {
        return state.log.snapshot();
    }

    public void clearRequests() {
        state.log.clear();
    }

    /**
     * Undoes every fault: clock offset, denials, throttles, rejections, fixed lifetime, container token,
     * IMDS and container faults, delays, and the registered web identity and SSO tokens. Keys stay.
     */
    public void reset() {
        state.clock.setOffset(Duration.ZERO);
        state.rules.clear();
        state.issuedLifetime = null;
        state.containerAuthorizationToken = null;
        state.credentialFaults.clear();
        state.webIdentityTokens.clear();
        state.ssoAccessTokens.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
