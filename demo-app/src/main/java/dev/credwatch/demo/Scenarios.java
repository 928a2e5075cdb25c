package dev.credwatch.demo;

import static dev.credwatch.demo.Scenario.inChildJvm;
import static dev.credwatch.demo.Scenario.inProcess;
import static dev.credwatch.demo.Scenario.Expected.sees;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The story, in the order it is told. Each line: name, SDK, what the application does, what it
 * should see, what credwatch should print, the fault, (for a child JVM) its environment, the call.
 * The SDK v1 story comes first, then its SDK v2 variants: the same lines with a {@link V2Calls} call and a
 * {@code v2-} name.
 */
public final class Scenarios {
    static final String EU_BUCKET = "credwatch-eu";
    static final String EU_REGION = "eu-west-1";

    private static final List<Scenario> ALL = List.of(
            inProcess("healthy", "v1",
                    "SQS SendMessage with the application's long-term keys; nothing is wrong",
                    sees("ok"),
                    Scenario.Fault.NONE, V1Calls.sqsSendMessage(V1Calls::appKeys)),
            inProcess("sns-invalid-security", "v1",
                    "SNS Publish; SNS refuses the application's key with InvalidSecurity",
                    sees("InvalidSecurity").warns("invalid_credentials"),
                    fake -> fake.rejectAs("sns", DemoKeys.APP_KEY_ID, "InvalidSecurity"),
                    V1Calls.snsPublish(V1Calls::appKeys)),
            inProcess("invalid-token", "v1",
                    "STS GetCallerIdentity with a key that was deleted (\"the security token included in the "
                            + "request is invalid\")",
                    sees("InvalidClientTokenId").warns("invalid_credentials"),
                    Scenario.Fault.NONE, V1Calls.stsGetCallerIdentity(V1Calls::deletedKey)),
            inProcess("expired-token", "v1",
                    "SQS SendMessage with session keys from STS GetSessionToken that expired 10 minutes ago "
                            + "and were never refreshed",
                    sees("ExpiredTokenException").warns("expired_credentials"),
                    fake -> fake.issuedCredentialLifetime(Duration.ofMinutes(-10)),
                    V1Calls.sqsSendMessage(V1Calls::sessionKeysFromSts)),
            inProcess("memorydb-invalid-credentials", "v1",
                    "MemoryDB DescribeClusters; MemoryDB refuses the key with InvalidCredentialsException",
                    sees("InvalidCredentialsException").warns("invalid_credentials"),
                    fake -> fake.rejectAs("memorydb", DemoKeys.APP_KEY_ID, "InvalidCredentialsException"),
                    V1Calls.memoryDbDescribeClusters(V1Calls::appKeys)),
            inProcess("clock-skew", "v1",
                    "SQS ListQueues while AWS's clock is 20 minutes ahead of this machine's; the SDK "
                            + "corrects its clock and retries",
                    sees("ok").warns("clock_skew", "skew_s about 1200"),
                    fake -> fake.setClockOffset(Duration.ofMinutes(20)),
                    V1Calls.sqsListQueues(V1Calls::appKeys)),
            inProcess("wrong-secret", "v1",
                    "S3 GetObject with the right access key id and a secret with a typo in it",
                    sees("SignatureDoesNotMatch").warns("signature_mismatch"),
                    Scenario.Fault.NONE,
                    V1Calls.s3GetObject(DemoContext.DEMO_NAME, "hello.txt", V1Calls::secretWithTypo)),
            inProcess("access-denied", "v1",
                    "SQS SendMessage with valid keys whose IAM policy does not allow sqs:SendMessage",
                    sees("AccessDeniedException").warns("access_denied"),
                    fake -> fake.deny("sqs", "SendMessage"), V1Calls.sqsSendMessage(V1Calls::appKeys)),
            inProcess("region-mismatch", "v1",
                    "S3 GetObject from bucket " + EU_BUCKET + " (in " + EU_REGION + ") with a client "
                            + "configured for us-east-1",
                    sees("AuthorizationHeaderMalformed").warns("region_mismatch"),
                    Scenario.Fault.NONE, V1Calls.s3GetObject(EU_BUCKET, "report.csv", V1Calls::appKeys)),
            inProcess("expiring-session", "v1",
                    "SQS SendMessage with session keys from STS GetSessionToken kept as static keys; "
                            + "4 minutes left and nothing will refresh them",
                    sees("ok").warns("credentials_expiring", "ttl_s under 300"),
                    fake -> fake.issuedCredentialLifetime(Duration.ofMinutes(4)),
                    V1Calls.sqsSendMessage(V1Calls::sessionKeysFromSts)),
            inChildJvm("instance-profile", "v1",
                    "(child JVM) S3 GetObject with the EC2 instance role's credentials, fetched by the "
                            + "SDK from instance metadata; the role may not s3:GetObject",
                    sees("AccessDenied").warns("access_denied", "source=instance_profile"),
                    fake -> fake.deny("s3", "GetObject"),
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_EC2_METADATA_DISABLED", "false");
                        systemProperties.put("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride",
                                fake.instanceMetadataEndpoint());
                    },
                    V1Calls.s3GetObject(DemoContext.DEMO_NAME, "hello.txt", V1Calls::instanceProfile)),
            inChildJvm("container", "v1",
                    "(child JVM) SNS Publish with the ECS task role's credentials, fetched by the SDK "
                            + "from AWS_CONTAINER_CREDENTIALS_FULL_URI; the role may not sns:Publish",
                    sees("AuthorizationError").warns("access_denied", "source=container"),
                    fake -> fake.deny("sns", "Publish"),
                    (fake, environment, systemProperties) ->
                            environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri()),
                    V1Calls.snsPublish(V1Calls::containerRole)),
            inChildJvm("shadowed-chain", "v1",
                    "(child JVM) SQS SendMessage with the default chain in a container whose task role is "
                            + "configured, but AWS_ACCESS_KEY_ID is set too",
                    sees("ok").warns("credentials_shadowed", "source=environment"),
                    Scenario.Fault.NONE,
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_ACCESS_KEY_ID", DemoKeys.ENV_KEY_ID);
                        environment.put("AWS_SECRET_ACCESS_KEY", DemoKeys.ENV_SECRET);
                        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri());
                    },
                    V1Calls.sqsSendMessage(V1Calls::defaultChain)),
            inChildJvm("missing-credentials", "v1",
                    "(child JVM) SQS SendMessage with the default chain and no credentials anywhere",
                    sees("SdkClientException").warns("missing_credentials"),
                    Scenario.Fault.NONE,
                    (fake, environment, systemProperties) -> { },
                    V1Calls.sqsSendMessage(V1Calls::defaultChain)),

            // The same story with SDK v2 clients and providers. The v2 application has keys of its own
            // (see DemoKeys): with the v1 application's, credwatch would rightly not repeat a line it wrote.
            inProcess("v2-healthy", "v2",
                    "SqsClient SendMessage with the v2 application's long-term keys; nothing is wrong",
                    sees("ok"),
                    Scenario.Fault.NONE, V2Calls.sqsSendMessage(V2Calls::appKeys)),
            inProcess("v2-invalid-token", "v2",
                    "StsClient GetCallerIdentity with a key that was deleted (\"the security token included in the "
                            + "request is invalid\")",
                    sees("InvalidClientTokenId").warns("invalid_credentials"),
                    Scenario.Fault.NONE, V2Calls.stsGetCallerIdentity(V2Calls::deletedKey)),
            inProcess("v2-expired-token", "v2",
                    "SqsClient SendMessage with session keys from StsClient GetSessionToken that expired 10 "
                            + "minutes ago and were never refreshed",
                    sees("ExpiredTokenException").warns("expired_credentials"),
                    fake -> fake.issuedCredentialLifetime(Duration.ofMinutes(-10)),
                    V2Calls.sqsSendMessage(V2Calls::sessionKeysFromSts)),
            inProcess("v2-clock-skew", "v2",
                    "SqsClient ListQueues while AWS's clock is 20 minutes ahead of this machine's; "
                            + "SDK v2 too corrects its clock and retries",
                    sees("ok").warns("clock_skew", "skew_s about 1200"),
                    fake -> fake.setClockOffset(Duration.ofMinutes(20)),
                    V2Calls.sqsListQueues(V2Calls::appKeys)),
            inProcess("v2-access-denied", "v2",
                    "SqsAsyncClient (asynchronous) SendMessage with valid keys whose IAM policy does not allow "
                            + "sqs:SendMessage",
                    sees("AccessDeniedException").warns("access_denied"),
                    fake -> fake.deny("sqs", "SendMessage"), V2Calls.sqsSendMessageAsync(V2Calls::appKeys)),
            inProcess("v2-expiring-session", "v2",
                    "SqsClient SendMessage with session keys from StsClient GetSessionToken kept in a "
                            + "StaticCredentialsProvider; 4 minutes left and nothing will refresh them",
                    sees("ok").warns("credentials_expiring", "ttl_s under 300"),
                    fake -> fake.issuedCredentialLifetime(Duration.ofMinutes(4)),
                    V2Calls.sqsSendMessage(V2Calls::sessionKeysFromSts)),
            inChildJvm("v2-instance-profile", "v2",
                    "(child JVM) S3Client GetObject with the EC2 instance role's credentials, fetched by the "
                            + "SDK's InstanceProfileCredentialsProvider; the role may not s3:GetObject",
                    sees("AccessDenied").warns("access_denied", "source=instance_profile"),
                    fake -> fake.deny("s3", "GetObject"),
                    (fake, environment, systemProperties) -> {
                        environment.put("AWS_EC2_METADATA_DISABLED", "false");
                        systemProperties.put("aws.ec2MetadataServiceEndpoint", fake.instanceMetadataEndpoint());
                    },
                    V2Calls.s3GetObject(DemoContext.DEMO_NAME, "hello.txt", V2Calls::instanceProfile)),
            inChildJvm("v2-container", "v2",
                    "(child JVM) SnsClient Publish with the ECS task role's credentials, fetched by the SDK's "
                            + "ContainerCredentialsProvider; the role may not sns:Publish",
                    sees("AuthorizationError").warns("access_denied", "source=container"),
                    fake -> fake.deny("sns", "Publish"),
                    (fake, environment, systemProperties) ->
                            environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.containerCredentialsUri()),
                    V2Calls.snsPublish(V2Calls::containerRole)),
            inChildJvm("v2-missing-credentials", "v2",
                    "(child JVM) SqsClient SendMessage with the SDK's DefaultCredentialsProvider and no "
                            + "credentials anywhere",
                    sees("SdkClientException").warns("missing_credentials"),
                    Scenario.Fault.NONE,
                    (fake, environment, systemProperties) -> { },
                    V2Calls.sqsSendMessage(V2Calls::defaultChain)));

    private static final List<Scenario> STORY = Stream.concat(ALL.stream(), ProviderScenarios.ALL.stream())
            .collect(Collectors.toUnmodifiableList());

    private Scenarios() {
    }

    /** Every scenario, in story order: the calls' story, then the credential providers'. */
    public static List<Scenario> all() {
        return STORY;
    }

    static Optional<Scenario> named(String name) {
        return STORY.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
