package dev.credwatch.demo.fakeaws;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.memorydb.AmazonMemoryDBClientBuilder;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.sns.AmazonSNSClientBuilder;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real SDK v1 and v2 clients pointed at the fake, region us-east-1. {@code retries=false} turns
 * off the SDKs' retries (and with them their silent clock-skew correction) so that a test sees
 * the first error.
 */
final class Clients {
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private Clients() {
    }

    // ---- SDK v1 ----

    static AWSCredentialsProvider v1(String keyId, String secret) {
        return new AWSStaticCredentialsProvider(new BasicAWSCredentials(keyId, secret));
    }

    static AWSCredentialsProvider v1(String keyId, String secret, String token) {
        AWSCredentials credentials = token == null ? new BasicAWSCredentials(keyId, secret)
                : new BasicSessionCredentials(keyId, secret, token);
        return new AWSStaticCredentialsProvider(credentials);
    }

    static <B extends AwsClientBuilder<B, ?>> B v1(B builder, FakeAws fake, AWSCredentialsProvider credentials,
                                                  boolean retries) {
        return builder.withEndpointConfiguration(new EndpointConfiguration(fake.endpoint(), "us-east-1"))
                .withCredentials(credentials)
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(retries ? 3 : 0));
    }

    static com.amazonaws.services.sqs.AmazonSQS v1Sqs(FakeAws fake, AWSCredentialsProvider c, boolean retries) {
        return v1(AmazonSQSClientBuilder.standard(), fake, c, retries).build();
    }

    static com.amazonaws.services.sns.AmazonSNS v1Sns(FakeAws fake, AWSCredentialsProvider c, boolean retries) {
        return v1(AmazonSNSClientBuilder.standard(), fake, c, retries).build();
    }

    static com.amazonaws.services.securitytoken.AWSSecurityTokenService v1Sts(FakeAws fake, AWSCredentialsProvider c) {
        return v1(AWSSecurityTokenServiceClientBuilder.standard(), fake, c, false).build();
    }

    static com.amazonaws.services.s3.AmazonS3 v1S3(FakeAws fake, AWSCredentialsProvider c, boolean retries) {
        return v1(AmazonS3ClientBuilder.standard(), fake, c, retries).withPathStyleAccessEnabled(true).build();
    }

    static com.amazonaws.services.memorydb.AmazonMemoryDB v1MemoryDb(FakeAws fake, AWSCredentialsProvider c) {
        return v1(AmazonMemoryDBClientBuilder.standard(), fake, c, false).build();
    }

    // ---- SDK v2 ----

    static AwsCredentialsProvider v2(String keyId, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
    }

    static AwsCredentialsProvider v2(String keyId, String secret, String token) {
        return token == null ? v2(keyId, secret)
                : StaticCredentialsProvider.create(AwsSessionCredentials.create(keyId, secret, token));
    }

    @SuppressWarnings("unchecked")
    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B v2(
            B builder, FakeAws fake, AwsCredentialsProvider credentials, boolean retries) {
        builder.endpointOverride(URI.create(fake.endpoint())).region(Region.US_EAST_1).credentialsProvider(credentials);
        if (!retries) {
            builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        return builder;
    }

    static SqsClient v2Sqs(FakeAws fake, AwsCredentialsProvider c, boolean retries) {
        return v2(SqsClient.builder(), fake, c, retries).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SnsClient v2Sns(FakeAws fake, AwsCredentialsProvider c, boolean retries) {
        return v2(SnsClient.builder(), fake, c, retries).httpClient(ApacheHttpClient.create()).build();
    }

    static StsClient v2Sts(FakeAws fake, AwsCredentialsProvider c) {
        return v2(StsClient.builder(), fake, c, false).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static S3Client v2S3(FakeAws fake, AwsCredentialsProvider c, boolean retries) {
        return v2(S3Client.builder(), fake, c, retries).forcePathStyle(true)
                .httpClient(ApacheHttpClient.create()).build();
    }

    static MemoryDbClient v2MemoryDb(FakeAws fake, AwsCredentialsProvider c) {
        return v2(MemoryDbClient.builder(), fake, c, false).httpClient(UrlConnectionHttpClient.create()).build();
    }

}
