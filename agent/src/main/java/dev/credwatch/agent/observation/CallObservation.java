package dev.credwatch.agent.observation;

import dev.credwatch.agent.credentials.CredentialInfo;

import java.util.Collections;
import java.util.List;

/**
 * One AWS SDK call as the instrumentation saw it, in plain Java: the only thing that crosses from the
 * SDK-aware {@code instrument} packages to diagnosis and reporting.
 */
public final class CallObservation implements Observation {
    private final String sdk;
    private final String service;
    private final String operation;
    private final String region;
    private final String endpointHost;
    private final int attempts;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String exceptionClass;
    private final String requestId;
    private final String extendedRequestId;
    private final Long clockSkewSeconds;
    private final long startEpochMillis;
    private final long durationNanos;
    private final CredentialInfo credentials;
    private final List<FailedAttempt> failedAttempts;
    private final List<CredentialFetch> credentialFetches;
    private final boolean forCredentialFetch;
    private final TraceParent traceParent;
    private final Object agentSpan;

    private CallObservation(Builder b) {
        this.sdk = b.sdk;
        this.service = b.service;
        this.operation = b.operation;
        this.region = b.region;
        this.endpointHost = b.endpointHost;
        this.attempts = b.attempts;
        this.httpStatus = b.httpStatus;
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.exceptionClass = b.exceptionClass;
        this.requestId = b.requestId;
        this.extendedRequestId = b.extendedRequestId;
        this.clockSkewSeconds = b.clockSkewSeconds;
        this.startEpochMillis = b.startEpochMillis;
        this.durationNanos = b.durationNanos;
        this.credentials = b.credentials;
        // Most calls have neither failed attempts nor fetches: no wrapper for an empty list.
        this.failedAttempts = b.failedAttempts == null || b.failedAttempts.isEmpty()
                ? Collections.<FailedAttempt>emptyList()
                : Collections.unmodifiableList(b.failedAttempts);
        this.forCredentialFetch = b.forCredentialFetch;
        this.credentialFetches = b.credentialFetches == null || b.credentialFetches.isEmpty()
                ? Collections.<CredentialFetch>emptyList()
                : Collections.unmodifiableList(b.credentialFetches);
        this.traceParent = b.traceParent;
        this.agentSpan = b.agentSpan;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String sdk() {
        return sdk;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public String region() {
        return region;
    }

    public String endpointHost() {
        return endpointHost;
    }

    public int attempts() {
        return attempts;
    }

    /** HTTP status of the last response, 0 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** AWS error code of the failure the application saw, null on success or a client-side failure. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Class name of the exception the application saw, null on success. */
    public String exceptionClass() {
        return exceptionClass;
    }

    public boolean failed() {
        return exceptionClass != null;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    public String extendedRequestId() {
        return extendedRequestId;
    }

    /** AWS's clock minus the local clock in whole seconds, from the last response's Date; null if unknown. */
    public Long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public long durationNanos() {
        return durationNanos;
    }

    @Override
    public CredentialInfo credentials() {
        return credentials;
    }

    /** Attempts that failed before the last one (the last attempt's outcome is the call's outcome). */
    public List<FailedAttempt> failedAttempts() {
        return failedAttempts;
    }

    /**
     * True for the call a credential provider made to fetch keys (an STS AssumeRole, an SSO GetRoleCredentials):
     * its failure is the fetch's failure, diagnosed there.
     */
    public boolean forCredentialFetch() {
        return forCredentialFetch;
    }

    /** The credential fetches this call waited for, in order (a chain tries one provider after another). */
    public List<CredentialFetch> credentialFetches() {
        return credentialFetches;
    }

    /** The application's span that was current when the call started, or null when there was none. */
    public TraceParent traceParent() {
        return traceParent;
    }

    /**
     * The OpenTelemetry Java agent's own span of this very call, when the instrumentation found it (SDK v2
     * async calls end on a thread where it is not current), else null. Opaque: an object of the agent's
     * relocated API that only {@code otelbridge} touches, and only while the call is being reported.
     */
    public Object agentSpan() {
        return agentSpan;
    }

    @Override
    public String toString() {
        return "CallObservation{" + sdk + ' ' + service + '.' + operation + ", region=" + region + ", host="
                + endpointHost + ", attempts=" + attempts + ", status=" + httpStatus + ", code=" + errorCode
                + ", exception=" + exceptionClass + ", requestId=" + requestId + ", skew=" + clockSkewSeconds
                + ", credentials=" + credentials + ", failedAttempts=" + failedAttempts + ", fetches=" + credentialFetches
                + ", traceParent=" + traceParent
                + '}';
    }

    public static final class Builder {
        private String sdk;
        private String service;
        private String operation;
        private String region;
        private String endpointHost;
        private int attempts = 1;
        private int httpStatus;
        private String errorCode;
        private String errorMessage;
        private String exceptionClass;
        private String requestId;
        private String extendedRequestId;
        private Long clockSkewSeconds;
        private long startEpochMillis;
        private long durationNanos;
        private CredentialInfo credentials;
        private List<FailedAttempt> failedAttempts;
        private List<CredentialFetch> credentialFetches;
        private boolean forCredentialFetch;
        private TraceParent traceParent;
        private Object agentSpan;

        public Builder sdk(String sdk) { this.sdk = sdk; return this; }
        public Builder service(String service) { this.service = service; return this; }
        public Builder operation(String operation) { this.operation = operation; return this; }
        public Builder region(String region) { this.region = region; return this; }
        public Builder endpointHost(String endpointHost) { this.endpointHost = endpointHost; return this; }
        public Builder attempts(int attempts) { this.attempts = attempts; return this; }
        public Builder httpStatus(int httpStatus) { this.httpStatus = httpStatus; return this; }
        public Builder errorCode(String errorCode) { this.errorCode = errorCode; return this; }
        public Builder errorMessage(String errorMessage) { this.errorMessage = errorMessage; return this; }
        public Builder exceptionClass(String exceptionClass) { this.exceptionClass = exceptionClass; return this; }
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        public Builder extendedRequestId(String id) { this.extendedRequestId = id; return this; }
        public Builder clockSkewSeconds(Long clockSkewSeconds) { this.clockSkewSeconds = clockSkewSeconds; return this; }
        public Builder startEpochMillis(long startEpochMillis) { this.startEpochMillis = startEpochMillis; return this; }
        public Builder durationNanos(long durationNanos) { this.durationNanos = durationNanos; return this; }
        public Builder credentials(CredentialInfo credentials) { this.credentials = credentials; return this; }
        public Builder failedAttempts(List<FailedAttempt> failedAttempts) { this.failedAttempts = failedAttempts; return this; }
        public Builder credentialFetches(List<CredentialFetch> fetches) { this.credentialFetches = fetches; return this; }
        public Builder forCredentialFetch(boolean providersOwn) { this.forCredentialFetch = providersOwn; return this; }
        public Builder traceParent(TraceParent traceParent) { this.traceParent = traceParent; return this; }
        public Builder agentSpan(Object agentSpan) { this.agentSpan = agentSpan; return this; }

        public CallObservation build() {
            return new CallObservation(this);
        }
    }
}
