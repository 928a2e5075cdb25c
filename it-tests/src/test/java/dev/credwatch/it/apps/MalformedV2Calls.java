package dev.credwatch.it.apps;

import dev.credwatch.it.harness.malformed.MalformedCase;
import dev.credwatch.it.harness.malformed.MalformedCases;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import static dev.credwatch.it.apps.CaseOutcomes.stable;

/**
 * {@link MalformedResponsesApp}'s SDK v2 clients: SQS (AWS JSON 1.0) and STS (query, XML) on the Apache client,
 * no retries, 2 s timeouts.
 */
final class MalformedV2Calls implements MalformedResponsesApp.CaseCaller {
    private final SqsClient sqs;
    private final StsClient sts;

    MalformedV2Calls(String endpoint, String accessKey, String secretKey) {
        SdkHttpClient http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(2)).build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey, secretKey));
        // One attempt per case: a retry would only ask the same case again, and cost time.
        sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        sts = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Override
    public String call(MalformedCase malformed) {
        Consumer<AwsRequestOverrideConfiguration.Builder> route = o -> o.putHeader(MalformedCases.CASE_HEADER,
                Integer.toString(malformed.id()));
        return switch (malformed.target()) {
            case SQS_LIST_QUEUES -> {
                var response = sqs.listQueues(b -> b.overrideConfiguration(route));
                yield "queueUrls=" + stable(response.queueUrls()) + requestId(response);
            }
            case STS_GET_CALLER_IDENTITY -> {
                var response = sts.getCallerIdentity(b -> b.overrideConfiguration(route));
                yield "account=" + stable(response.account()) + " arn=" + stable(response.arn()) + " userId="
                        + stable(response.userId()) + requestId(response);
            }
            case STS_GET_SESSION_TOKEN -> {
                GetSessionTokenResponse response = sts.getSessionToken(b -> b.overrideConfiguration(route));
                Credentials issued = response.credentials();
                yield (issued == null ? "credentials=null" : "accessKeyId=" + stable(issued.accessKeyId())
                        + " expiration=" + issued.expiration() + " sessionToken="
                        + (issued.sessionToken() == null ? "absent" : "present")) + requestId(response);
            }
        };
    }

    @Override
    public String describe(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            return service.getClass().getName() + " status=" + service.statusCode() + " code="
                    + stable(details == null ? null : details.errorCode()) + " requestId=" + stable(service.requestId())
                    + " message=" + stable(details == null ? null : details.errorMessage());
        }
        return CaseOutcomes.clientFailure(failure);
    }

    private static String requestId(AwsResponse response) {
        return " requestId=" + stable(response.responseMetadata().requestId());
    }
}
