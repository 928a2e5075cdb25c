package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.core.ResponseHeaders;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class V2ResponseHeadersTest {

    @Test
    void anSdkResponseIsAskedByNameWhateverTheCase() {
        SdkHttpResponse response = SdkHttpFullResponse.builder().statusCode(200)
                .putHeader("X-Amzn-RequestId", "req-1").putHeader("x-amz-id-2", Arrays.asList("ext-1", "ext-2"))
                .build();
        V2ResponseHeaders headers = new V2ResponseHeaders(response);

        assertThat(ResponseHeaders.get(headers, "x-amzn-requestid")).isEqualTo("req-1");
        assertThat(ResponseHeaders.get(headers, ResponseHeaders.EXTENDED_REQUEST_ID)).isEqualTo("ext-1");
        assertThat(ResponseHeaders.get(headers, "Date")).isNull();
    }

    @Test
    void aResponseWithoutMatchingHeadersFallsBackToItsHeaderMap() {
        V2ResponseHeaders headers = new V2ResponseHeaders(new OldResponse());

        assertThat(ResponseHeaders.get(headers, "date")).isEqualTo("Tue, 01 Dec 2026 12:00:00 GMT");
        assertThat(ResponseHeaders.get(headers, "x-amzn-RequestId")).isNull();
    }

    /** An SDK response from before {@code matchingHeaders(String)}: only the map. */
    public static final class OldResponse {
        public Map<String, List<String>> headers() {
            return Collections.singletonMap("Date", Collections.singletonList("Tue, 01 Dec 2026 12:00:00 GMT"));
        }
    }
}
