package dev.credwatch.demo.fakeaws;

import java.util.Map;

/**
 * MemoryDB over AWS JSON 1.1 ({@code X-Amz-Target: AmazonMemoryDB.DescribeClusters}), with one
 * cluster. It stands for the JSON services; MemoryDB's own auth error,
 * {@code InvalidCredentialsException}, is produced with {@code rejectAs("memorydb", key, ...)}.
 */
final class MemoryDbService implements AwsService {
    static final String TARGET_PREFIX = "AmazonMemoryDB.";
    static final String CLUSTER = "credwatch-demo";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Override
    public String name() {
        return "memorydb";
    }

    @Override
    public Wire wire() {
        return Wire.JSON;
    }

    @Override
    public HttpResponse handle(Call call) {
        if (!"DescribeClusters".equals(call.action())) {
            throw new AwsException("UnknownOperationException", 400, "", "com.amazon.coral.service", null);
        }
        Map<String, Object> in = MiniJson.parseObject(call.request().bodyText());
        String wanted = JsonWire.string(in, "ClusterName");
        if (wanted != null && !CLUSTER.equals(wanted)) {
            throw new AwsException("ClusterNotFoundFault", 400, "Cluster " + wanted + " not found");
        }
        String arn = "arn:aws:memorydb:" + call.region() + ":" + Ids.ACCOUNT_ID + ":cluster/" + CLUSTER;
        String cluster = "{\"Name\":" + JsonWire.quote(CLUSTER) + ",\"Status\":\"available\",\"NumberOfShards\":1,"
                + "\"ClusterEndpoint\":{\"Address\":\"clustercfg.credwatch-demo.memorydb." + call.region()
                + ".amazonaws.com\",\"Port\":6379},\"NodeType\":\"db.t4g.small\",\"Engine\":\"valkey\","
                + "\"EngineVersion\":\"7.3\",\"ARN\":" + JsonWire.quote(arn) + ",\"TLSEnabled\":true}";
        return JsonWire.success(CONTENT_TYPE, "{\"Clusters\":[" + cluster + "]}", call.requestId());
    }

    @Override
    public HttpResponse error(AwsException error, String requestId) {
        return JsonWire.error(CONTENT_TYPE, error, requestId);
    }
}
