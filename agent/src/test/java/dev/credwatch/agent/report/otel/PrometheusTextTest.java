package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The exposition text, compared whole: names, labels, order, histogram buckets, escaping. */
class PrometheusTextTest {
    private static final Resource RESOURCE = Resource.create(Attributes.of(stringKey("service.name"), "orders",
            stringKey("telemetry.sdk.language"), "java"));

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final Meter meter = SdkMeterProvider.builder().setResource(RESOURCE).registerMetricReader(reader).build()
            .get(OtelExport.SCOPE);

    @Test
    void credwatchsMetricsAreTheSeriesOpenTelemetrysPrometheusExporterWrites() {
        LongCounter errors = meter.counterBuilder(MetricPoints.SECURITY_ERRORS)
                .setDescription(MetricPoints.SECURITY_ERRORS_DESCRIPTION).setUnit(MetricPoints.SECURITY_ERRORS_UNIT).build();
        errors.add(3, Attributes.of(stringKey(CallAttributes.DIAGNOSIS), "invalid_credentials",
                stringKey(CallAttributes.CODE), "InvalidClientTokenId", stringKey(CallAttributes.RPC_SERVICE), "STS"));
        errors.add(1, Attributes.of(stringKey(CallAttributes.DIAGNOSIS), "access_denied",
                stringKey(CallAttributes.CODE), "AccessDenied", stringKey(CallAttributes.RPC_SERVICE), "SQS"));
        meter.gaugeBuilder(MetricPoints.TTL).setDescription(MetricPoints.TTL_DESCRIPTION).setUnit("s").ofLongs()
                .buildWithCallback(gauge -> gauge.record(-42, Attributes.of(stringKey(CallAttributes.SOURCE),
                        "instance_profile", stringKey(CallAttributes.ACCESS_KEY_ID), "ASIA****WXYZ")));
        DoubleHistogram fetches = meter.histogramBuilder(MetricPoints.FETCH_DURATION)
                .setDescription(MetricPoints.FETCH_DURATION_DESCRIPTION).setUnit("s")
                .setExplicitBucketBoundariesAdvice(Arrays.asList(0.1, 1.0)).build();
        Attributes failed = Attributes.of(stringKey(CallAttributes.SOURCE), "instance_profile",
                stringKey("outcome"), "error", stringKey("reason"), "imds_unreachable");
        fetches.record(0.05, failed);
        fetches.record(2.5, failed);

        assertThat(PrometheusText.render(reader.collectAllMetrics())).isEqualTo(""
                + "# HELP credwatch_credentials_fetch_duration_seconds How long credential providers took to fetch keys,"
                + " by source, outcome and reason\n"
                + "# TYPE credwatch_credentials_fetch_duration_seconds histogram\n"
                + "credwatch_credentials_fetch_duration_seconds_bucket{credwatch_credentials_source=\"instance_profile\","
                + "otel_scope_name=\"dev.credwatch.agent\",outcome=\"error\",reason=\"imds_unreachable\",le=\"0.1\"} 1\n"
                + "credwatch_credentials_fetch_duration_seconds_bucket{credwatch_credentials_source=\"instance_profile\","
                + "otel_scope_name=\"dev.credwatch.agent\",outcome=\"error\",reason=\"imds_unreachable\",le=\"1.0\"} 1\n"
                + "credwatch_credentials_fetch_duration_seconds_bucket{credwatch_credentials_source=\"instance_profile\","
                + "otel_scope_name=\"dev.credwatch.agent\",outcome=\"error\",reason=\"imds_unreachable\",le=\"+Inf\"} 2\n"
                + "credwatch_credentials_fetch_duration_seconds_count{credwatch_credentials_source=\"instance_profile\","
                + "otel_scope_name=\"dev.credwatch.agent\",outcome=\"error\",reason=\"imds_unreachable\"} 2\n"
                + "credwatch_credentials_fetch_duration_seconds_sum{credwatch_credentials_source=\"instance_profile\","
                + "otel_scope_name=\"dev.credwatch.agent\",outcome=\"error\",reason=\"imds_unreachable\"} 2.55\n"
                + "# HELP credwatch_credentials_ttl_seconds Seconds until the credentials expire (negative once expired)\n"
                + "# TYPE credwatch_credentials_ttl_seconds gauge\n"
                + "credwatch_credentials_ttl_seconds{credwatch_credentials_access_key_id=\"ASIA****WXYZ\","
                + "credwatch_credentials_source=\"instance_profile\",otel_scope_name=\"dev.credwatch.agent\"} -42\n"
                + "# HELP credwatch_security_errors_total AWS calls credwatch diagnosed, by diagnosis, AWS error code and"
                + " service\n"
                + "# TYPE credwatch_security_errors_total counter\n"
                + "credwatch_security_errors_total{credwatch_code=\"AccessDenied\",credwatch_diagnosis=\"access_denied\","
                + "otel_scope_name=\"dev.credwatch.agent\",rpc_service=\"SQS\"} 1\n"
                + "credwatch_security_errors_total{credwatch_code=\"InvalidClientTokenId\","
                + "credwatch_diagnosis=\"invalid_credentials\",otel_scope_name=\"dev.credwatch.agent\",rpc_service=\"STS\"} 3\n"
                + "# HELP target_info Target metadata\n"
                + "# TYPE target_info gauge\n"
                + "target_info{service_name=\"orders\",telemetry_sdk_language=\"java\"} 1\n");
    }

    @Test
    void anUpDownCounterIsAGaugeAndDoubleValuesKeepTheirFraction() {
        meter.upDownCounterBuilder("queue.depth").build().add(-2);
        meter.counterBuilder("bytes.sent").ofDoubles().setUnit("By").build().add(1.5);

        assertThat(PrometheusText.render(reader.collectAllMetrics())).isEqualTo(""
                + "# TYPE bytes_sent_bytes_total counter\n"
                + "bytes_sent_bytes_total{otel_scope_name=\"dev.credwatch.agent\"} 1.5\n"
                + "# TYPE queue_depth gauge\n"
                + "queue_depth{otel_scope_name=\"dev.credwatch.agent\"} -2\n"
                + "# HELP target_info Target metadata\n"
                + "# TYPE target_info gauge\n"
                + "target_info{service_name=\"orders\",telemetry_sdk_language=\"java\"} 1\n");
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        meter.counterBuilder("odd").setDescription("line one\nback\\slash").build()
                .add(1, Attributes.of(stringKey("say"), "a \"quoted\"\nback\\slash"));

        assertThat(PrometheusText.render(reader.collectAllMetrics())).startsWith(""
                + "# HELP odd_total line one\\nback\\\\slash\n"
                + "# TYPE odd_total counter\n"
                + "odd_total{otel_scope_name=\"dev.credwatch.agent\",say=\"a \\\"quoted\\\"\\nback\\\\slash\"} 1\n");
    }

    @Test
    void nothingRecordedIsAnEmptyAnswer() {
        meter.counterBuilder(MetricPoints.SECURITY_ERRORS).build();

        assertThat(PrometheusText.render(reader.collectAllMetrics())).isEmpty();
        assertThat(PrometheusText.render(Collections.emptyList())).isEmpty();
    }

    @Test
    void namesFollowTheOpenTelemetryToPrometheusRules() {
        assertThat(PrometheusNames.metric("credwatch.security_errors", "{diagnosis}")).isEqualTo("credwatch_security_errors");
        assertThat(PrometheusNames.metric("credwatch.credentials.ttl", "s")).isEqualTo("credwatch_credentials_ttl_seconds");
        assertThat(PrometheusNames.metric("http.server.duration", "ms")).isEqualTo("http_server_duration_milliseconds");
        assertThat(PrometheusNames.metric("jvm.memory.used_bytes", "By")).isEqualTo("jvm_memory_used_bytes");
        assertThat(PrometheusNames.metric("requests.total", "")).isEqualTo("requests");
        assertThat(PrometheusNames.metric("cpu..utilization", "1")).isEqualTo("cpu_utilization_ratio");
        assertThat(PrometheusNames.label("rpc.service")).isEqualTo("rpc_service");
        assertThat(PrometheusNames.label("credwatch.credentials.source")).isEqualTo("credwatch_credentials_source");
        assertThat(PrometheusNames.label("1st.try")).isEqualTo("key_1st_try");
        assertThat(PrometheusNames.label("a..b")).isEqualTo("a_b");
    }
}
