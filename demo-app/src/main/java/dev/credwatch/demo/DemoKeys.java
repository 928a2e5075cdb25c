package dev.credwatch.demo;

import java.util.List;

/**
 * The demo's hard-coded keys. They exist only in the embedded fake AWS; none of them is valid
 * anywhere else. Public so that a test can scan the demo's output for every one of the secrets.
 */
public final class DemoKeys {
    /** The application's own long-term key, accepted by the fake. */
    public static final String APP_KEY_ID = "AKIACREDWATCHDEMO001";
    public static final String APP_SECRET = "credwatchDemoAppSecret/0123456789abcdefgh";

    /** A key the fake has never heard of: a deleted or rotated key still in some configuration. */
    public static final String DELETED_KEY_ID = "AKIACREDWATCHGONE002";
    public static final String DELETED_SECRET = "credwatchDemoGoneSecret/0123456789abcdefg";

    /** The application's key id with a secret that has a typo in it. */
    public static final String TYPO_SECRET = "credwatchDemoAppSecret/0123456789abcdefgX";

    /** Keys left in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, accepted by the fake. */
    public static final String ENV_KEY_ID = "AKIACREDWATCHENV0003";
    public static final String ENV_SECRET = "credwatchDemoEnvSecret/0123456789abcdefgh";

    /*
     * The SDK v2 application's own keys. credwatch writes the same diagnosis for the same key and service
     * once per log.repeat (a minute): a v2 twin of a v1 scenario using the v1 keys would be silenced.
     */
    /** The SDK v2 application's long-term key, accepted by the fake. */
    public static final String V2_APP_KEY_ID = "AKIACREDWATCHDEMOV2A";
    public static final String V2_APP_SECRET = "credwatchDemoV2AppSecret/0123456789abcdef";

    /** A deleted key still in the SDK v2 application's configuration. */
    /** The role an IRSA-style pod assumes, and the token its cluster's identity provider issued. */
    public static final String WEB_IDENTITY_ROLE_ARN = "arn:aws:iam::123456789012:role/credwatch-demo-irsa";
    public static final String CLUSTER_WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.credwatch-demo-cluster.token";
    /** A token of another cluster's identity provider: STS refuses it. */
    public static final String FOREIGN_WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.another-cluster.token";
    public static final String V2_DELETED_KEY_ID = "AKIACREDWATCHGONEV2B";
    public static final String V2_DELETED_SECRET = "credwatchDemoV2GoneSecret/0123456789abcde";

    private DemoKeys() {
    }

    /** Every hard-coded secret; the fake also issues random ones (STS, instance metadata, container). */
    public static List<String> secrets() {
        return List.of(APP_SECRET, DELETED_SECRET, TYPO_SECRET, ENV_SECRET, V2_APP_SECRET, V2_DELETED_SECRET);
    }
}
