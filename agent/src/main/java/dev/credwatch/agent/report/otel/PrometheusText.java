package dev.credwatch.agent.report.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.resources.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics in the Prometheus text exposition format 0.0.4, which every Prometheus server reads (it asks for
 * OpenMetrics first and accepts this). The series are those of the OpenTelemetry SDK's Prometheus exporter: an
 * {@code otel_scope_name} label on each, the resource as one {@code target_info} series, histograms as cumulative
 * {@code _bucket}, {@code _count} and {@code _sum}. Only the instruments credwatch makes are written (sums, gauges,
 * explicit-bucket histograms); the reader asks for cumulative temporality, so there is no delta to convert.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(Collection<MetricData> metrics) {
        // Sorted by name, so that each scrape reads the same and a test can compare whole texts.
        Map<String, MetricData> byName = new TreeMap<String, MetricData>();
        for (MetricData metric : metrics) {
            if (!metric.isEmpty()) {
                byName.put(PrometheusNames.metric(metric.getName(), metric.getUnit()), metric);
            }
        }
        StringBuilder out = new StringBuilder();
        Resource resource = null;
        for (Map.Entry<String, MetricData> entry : byName.entrySet()) {
            write(entry.getKey(), entry.getValue(), out);
            resource = entry.getValue().getResource();
        }
        if (resource != null) {
            header("target_info", "Target metadata", "gauge", out);
            series("target_info", labels(resource.getAttributes(), null), "1", out);
        }
        return out.toString();
    }

    private static void write(String name, MetricData metric, StringBuilder out) {
        InstrumentationScopeInfo scope = metric.getInstrumentationScopeInfo();
        switch (metric.getType()) {
            case LONG_SUM:
            case DOUBLE_SUM:
                SumData<?> sum = (SumData<?>) metric.getData();
                String counter = sum.isMonotonic() ? name + "_total" : name;
                header(counter, metric.getDescription(), sum.isMonotonic() ? "counter" : "gauge", out);
                points(counter, metric.getData().getPoints(), scope, out);
                break;
            case LONG_GAUGE:
            case DOUBLE_GAUGE:
                header(name, metric.getDescription(), "gauge", out);
                points(name, metric.getData().getPoints(), scope, out);
                break;
            case HISTOGRAM:
                header(name, metric.getDescription(), "histogram", out);
                for (HistogramPointData point : sorted(metric.getHistogramData().getPoints(), scope)) {
                    histogram(name, point, labels(point.getAttributes(), scope), out);
                }
                break;
            default:
                // Exponential histograms and summaries: credwatch makes neither.
        }
    }

    private static void histogram(String name, HistogramPointData point, String labels, StringBuilder out) {
        String prefix = labels.isEmpty() ? "{" : labels.substring(0, labels.length() - 1) + ',';
        long cumulative = 0;
        List<Double> boundaries = point.getBoundaries();
        for (int i = 0; i <= boundaries.size(); i++) {
            cumulative += point.getCounts().get(i);
            String le = i < boundaries.size() ? number(boundaries.get(i)) : "+Inf";
            series(name + "_bucket", prefix + "le=\"" + le + "\"}", Long.toString(cumulative), out);
        }
        series(name + "_count", labels, Long.toString(point.getCount()), out);
        series(name + "_sum", labels, number(point.getSum()), out);
    }

    private static void points(String name, Collection<? extends PointData> points, InstrumentationScopeInfo scope,
                               StringBuilder out) {
        for (PointData point : sorted(points, scope)) {
            String value = point instanceof LongPointData ? Long.toString(((LongPointData) point).getValue())
                    : number(((DoublePointData) point).getValue());
            series(name, labels(point.getAttributes(), scope), value, out);
        }
    }

    /** The points in the order of their label text. */
    private static <P extends PointData> Collection<P> sorted(Collection<P> points, InstrumentationScopeInfo scope) {
        Map<String, P> byLabels = new TreeMap<String, P>();
        for (P point : points) {
            byLabels.put(labels(point.getAttributes(), scope), point);
        }
        return new ArrayList<P>(byLabels.values());
    }

    /** {@code {a="1",b="2"}} sorted by label name, or empty; two keys that sanitize alike keep both values, joined by ';'. */
    private static String labels(Attributes attributes, InstrumentationScopeInfo scope) {
        final Map<String, String> labels = new TreeMap<String, String>();
        attributes.forEach((key, value) -> labels.merge(PrometheusNames.label(key.getKey()), String.valueOf(value),
                (first, second) -> first + ';' + second));
        if (scope != null) {
            labels.putIfAbsent("otel_scope_name", scope.getName());
            if (scope.getVersion() != null) {
                labels.putIfAbsent("otel_scope_version", scope.getVersion());
            }
        }
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, String> label : labels.entrySet()) {
            text.append(text.length() == 1 ? "" : ",").append(label.getKey()).append("=\"")
                    .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return text.append('}').toString();
    }

    private static void header(String name, String help, String type, StringBuilder out) {
        if (help != null && !help.isEmpty()) {
            out.append("# HELP ").append(name).append(' ')
                    .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void series(String name, String labels, String value, StringBuilder out) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    /** As Prometheus parses them: {@code +Inf}, {@code -Inf}, {@code NaN}, else Java's shortest exact decimal. */
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
