package dev.credwatch.it.apps;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.AmazonWebServiceRequest;
import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.retry.PredefinedRetryPolicies;
import com.amazonaws.services.securitytoken.AWSSecurityTokenService;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.securitytoken.model.Credentials;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityRequest;
import com.amazonaws.services.securitytoken.model.GetCallerIdentityResult;
import com.amazonaws.services.securitytoken.model.GetSessionTokenRequest;
import com.amazonaws.services.securitytoken.model.GetSessionTokenResult;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import com.amazonaws.services.sqs.model.ListQueuesRequest;
import com.amazonaws.services.sqs.model.ListQueuesResult;
import dev.credwatch.it.harness.malformed.MalformedCase;
import dev.credwatch.it.harness.malformed.MalformedCases;

import static dev.credwatch.it.apps.CaseOutcomes.stable;

/** {@link MalformedResponsesApp}'s SDK v1 clients: SQS (AWS JSON) and STS (query, XML), no retries, 2 s timeouts. */
final class MalformedV1Calls implements MalformedResponsesApp.CaseCaller {
    private final AmazonSQS sqs;
    private final AWSSecurityTokenService sts;

    MalformedV1Calls(String endpoint, String accessKey, String secretKey) {
        // One attempt per case: a retry would only ask the same case again, and cost time.
        ClientConfiguration configuration = new ClientConfiguration()
                .withRetryPolicy(PredefinedRetryPolicies.NO_RETRY_POLICY).withMaxErrorRetry(0)
                .withConnectionTimeout(2_000).withSocketTimeout(2_000);
        EndpointConfiguration at = new EndpointConfiguration(endpoint, "us-east-1");
        AWSStaticCredentialsProvider credentials = new AWSStaticCredentialsProvider(
                new BasicAWSCredentials(accessKey, secretKey));
        sqs = AmazonSQSClientBuilder.standard().withClientConfiguration(configuration).withEndpointConfiguration(at)
                .withCredentials(credentials).build();
        sts = AWSSecurityTokenServiceClientBuilder.standard().withClientConfiguration(configuration)
                .withEndpointConfiguration(at).withCredentials(credentials).build();
    }

    @Override
    public String call(MalformedCase malformed) {
        return switch (malformed.target()) {
            case SQS_LIST_QUEUES -> {
                ListQueuesResult result = sqs.listQueues(routed(new ListQueuesRequest(), malformed));
                yield "queueUrls=" + stable(result.getQueueUrls()) + " requestId="
                        + stable(result.getSdkResponseMetadata().getRequestId());
            }
            case STS_GET_CALLER_IDENTITY -> {
                GetCallerIdentityResult result = sts.getCallerIdentity(routed(new GetCallerIdentityRequest(),
                        malformed));
                yield "account=" + stable(result.getAccount()) + " arn=" + stable(result.getArn()) + " userId="
                        + stable(result.getUserId()) + " requestId=" + stable(result.getSdkResponseMetadata()
                        .getRequestId());
            }
            case STS_GET_SESSION_TOKEN -> {
                GetSessionTokenResult result = sts.getSessionToken(routed(new GetSessionTokenRequest(), malformed));
                Credentials issued = result.getCredentials();
                yield (issued == null ? "credentials=null" : "accessKeyId=" + stable(issued.getAccessKeyId())
                        + " expiration=" + (issued.getExpiration() == null ? null
                        : issued.getExpiration().toInstant()) + " sessionToken="
                        + (issued.getSessionToken() == null ? "absent" : "present"))
                        + " requestId=" + stable(result.getSdkResponseMetadata().getRequestId());
            }
        };
    }

    @Override
    public String describe(Throwable failure) {
        if (failure instanceof AmazonServiceException service) {
            return service.getClass().getName() + " status=" + service.getStatusCode() + " code="
                    + stable(service.getErrorCode()) + " type=" + service.getErrorType() + " requestId="
                    + stable(service.getRequestId()) + " message=" + stable(service.getErrorMessage());
        }
        return CaseOutcomes.clientFailure(failure);
    }

    private static <R extends AmazonWebServiceRequest> R routed(R request, MalformedCase malformed) {
        request.putCustomRequestHeader(MalformedCases.CASE_HEADER, Integer.toString(malformed.id()));
        return request;
    }
}
