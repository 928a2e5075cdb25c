package dev.credwatch.it.apps;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;

import java.net.URI;

/**
 * {@link V2App}'s SSO credentials, in a class of their own so that the app also runs where the sso module is
 * not on the class path (the version matrix): a role whose access token {@code aws sso login} cached, traded
 * at the portal at {@code app.endpoint} for session keys.
 */
final class V2Sso {
    private V2Sso() {
    }

    static AwsCredentialsProvider provider() {
        SsoClient portal = SsoClient.builder().endpointOverride(URI.create(V2App.endpoint()))
                .region(Region.of(System.getProperty("app.region", "us-east-1")))
                .httpClient(ApacheHttpClient.builder().build())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        SsoCredentialsProvider.Builder sso = SsoCredentialsProvider.builder();
        sso.ssoClient(portal);
        sso.refreshRequest(GetRoleCredentialsRequest.builder().accountId("123456789012").roleName("ReadOnly")
                .accessToken(System.getProperty("app.ssoAccessToken")).build());
        return sso.build();
    }
}
