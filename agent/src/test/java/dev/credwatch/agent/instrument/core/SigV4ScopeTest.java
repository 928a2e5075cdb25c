package dev.credwatch.agent.instrument.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigV4ScopeTest {

    @Test
    void readsTheRegionOfTheCredentialScope() {
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/eu-west-1/sqs/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd")).isEqualTo("eu-west-1");
    }

    @Test
    void anythingElseHasNoRegion() {
        assertThat(SigV4Scope.region(null)).isNull();
        assertThat(SigV4Scope.region("")).isNull();
        assertThat(SigV4Scope.region("Bearer abc")).isNull();
        assertThat(SigV4Scope.region("AWS AKIAIOSFODNN7EXAMPLE:signature")).isNull();
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261122")).isNull();
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261122//sqs/aws4_request")).isNull();
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261122/" + "x".repeat(200) + "/sqs/"))
                .isNull();
    }
}
