package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.credentials.CredentialFacts;
import dev.credwatch.agent.instrument.dispatch.V1FetchHooks;
import dev.credwatch.agent.instrument.core.CredentialFetches;
import dev.credwatch.agent.instrument.core.CurrentCall;
import dev.credwatch.agent.instrument.core.ServiceError;

import java.util.Date;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;
import static dev.credwatch.agent.instrument.core.SdkValues.declaringSimpleName;
import static dev.credwatch.agent.instrument.core.SdkValues.string;

/**
 * What the v1 credential-provider advice calls: the instance-metadata and container fetchers
 * ({@code BaseCredentialsFetcher}) and the STS session providers' {@code RefreshableTask}. Reads only what the
 * SDK already holds once a fetch is over.
 */
public final class V1FetchTracker implements V1FetchHooks {
    public V1FetchTracker() {
    }

    /** {@code BaseCredentialsFetcher.fetchCredentials} entered: it may still find that nothing is due. */
    @Override
    public Object fetcherStarting(Object fetcher) {
        Object state = CredentialFetches.started("v1", fetcherProvider(fetcher));
        CredentialFetches.heldBefore(state, field(fetcher, "credentials"));
        return state;
    }

    /** {@code BaseCredentialsFetcher.handleError}: the endpoint failed; the fetcher throws or keeps old keys. */
    @Override
    public void fetcherFailed(Object[] arguments) {
        Throwable failure = arguments.length == 0 || !(arguments[arguments.length - 1] instanceof Throwable) ? null
                : (Throwable) arguments[arguments.length - 1];
        ServiceError error = failure == null ? null : V1ServiceError.read(failure);
        CredentialFetches.failed(failure, error == null ? null : error.errorCode(), status(failure));
    }

    /** {@code handleError} returned: the fetcher goes on handing out the keys it had. */
    @Override
    public void fetcherKeptOldKeys(Object fetcher) {
        CredentialFetches.servingOldKeys(keys(field(fetcher, "credentials"), field(fetcher, "credentialsExpiration")));
    }

    @Override
    public void fetcherEnded(Object state, Object fetcher, Throwable thrown) {
        Object held = field(fetcher, "credentials");
        if (thrown == null && !CredentialFetches.hasEnded(state) && held != null
                && held != CredentialFetches.heldBefore(state)) {
            CredentialFetches.succeeded(keys(held, field(fetcher, "credentialsExpiration")));
        }
        CredentialFetches.ended(state, thrown);
    }

    /** {@code RefreshableTask.refreshValue}: an STS session provider calls STS, blocking or in the background. */
    @Override
    public Object sessionRefreshStarting(Object task) {
        return CredentialFetches.started("v1", declaringSimpleName(field(task, "refreshCallable")));
    }

    @Override
    public void sessionRefreshEnded(Object state, Object task, Throwable thrown) {
        Object holder = call(field(task, "refreshableValueHolder"), "get");
        if (thrown == null) {
            CredentialFetches.succeeded(sessionKeys(holder));
        } else {
            CredentialFetches.failed(thrown, V1ServiceError.read(thrown).errorCode(), status(thrown));
            if (holder != null && CurrentCall.get() == null) {
                // An asynchronous refresh: its failure is swallowed and the old session goes on being used.
                CredentialFetches.servingOldKeys(sessionKeys(holder));
            }
        }
        CredentialFetches.ended(state, thrown);
    }

    /** {@code ProcessCredentialsProvider.refresh}: the credential_process command runs. */
    @Override
    public Object processRefreshStarting() {
        return CredentialFetches.started("v1", "ProcessCredentialsProvider");
    }

    @Override
    public void processRefreshEnded(Object state, Object provider, Throwable thrown) {
        if (thrown == null) {
            Object millis = call(field(provider, "credentialExpirationTime"), "getMillis");
            CredentialFetches.succeeded(keys(field(provider, "credentials"),
                    millis instanceof Long ? new Date((Long) millis) : null));
        } else {
            CredentialFetches.failed(thrown, null, 0);
        }
        CredentialFetches.ended(state, thrown);
    }

    /** {@code InstanceMetadataServiceResourceFetcher.handleException}: the IMDSv2 token request failed. */
    @Override
    public void tokenRequestFailed() {
        CredentialFetches.stepFailed("imds_token_failed");
    }

    /** The holder's class is package-private, so its getters are out of reach: its fields are read instead. */
    private static CredentialFacts sessionKeys(Object holder) {
        return keys(field(holder, "sessionCredentials"), field(holder, "sessionCredentialsExpiration"));
    }

    private static CredentialFacts keys(Object credentials, Object expiration) {
        return new CredentialFacts()
                .accessKeyId(string(call(credentials, "getAWSAccessKeyId")))
                .sessionCredentials(V1CredentialReader.isSessionCredentials(credentials))
                .heldExpiry(expiration instanceof Date ? ((Date) expiration).toInstant() : null);
    }

    /** The provider a fetcher serves; the fetchers' own class names are not providers. */
    private static String fetcherProvider(Object fetcher) {
        String name = fetcher == null ? "" : fetcher.getClass().getSimpleName();
        if (name.equals("EC2CredentialsFetcher")) {
            // Before 1.11.678 one fetcher class served both providers; its endpoint provider tells which. The
            // field's name is misspelt in the SDK ("credentails"); the right spelling is tried too.
            Object endpoint = field(fetcher, "credentailsEndpointProvider");
            if (endpoint == null) {
                endpoint = field(fetcher, "credentialsEndpointProvider");
            }
            name = endpoint == null ? "" : endpoint.getClass().getName().replaceFirst(".*\\.", "");
            return name.startsWith("InstanceProfile") ? "InstanceProfileCredentialsProvider"
                    : name.startsWith("ContainerCredentials") ? "ContainerCredentialsProvider" : null;
        }
        if (name.startsWith("InstanceMetadata") || name.startsWith("InstanceProfile")) {
            return "InstanceProfileCredentialsProvider";
        }
        return name.startsWith("Container") ? "ContainerCredentialsProvider" : null;
    }


    private static int status(Throwable failure) {
        return ServiceError.statusOnCauseChain(failure, "getStatusCode");
    }
}
