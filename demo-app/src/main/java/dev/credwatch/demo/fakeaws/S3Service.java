package dev.credwatch.demo.fakeaws;

import java.util.Locale;
import java.util.Map;

/**
 * S3 REST-XML with path-style addressing ({@code /bucket/key}): ListBuckets, CreateBucket,
 * HeadBucket, ListObjects(V2), GetObject, HeadObject, PutObject. Errors carry
 * {@code x-amz-request-id} and {@code x-amz-id-2} like the real service.
 */
final class S3Service implements AwsService {
    private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final FakeState state;
    final S3Store store = new S3Store();

    S3Service(FakeState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public Wire wire() {
        return Wire.S3;
    }

    @Override
    public String action(HttpRequest request) {
        String[] parts = bucketAndKey(request);
        boolean bucketOnly = parts[1].isEmpty();
        return switch (request.method()) {
            case "GET" -> parts[0].isEmpty() ? "ListBuckets"
                    : !bucketOnly ? "GetObject"
                    : request.queryParams().containsKey("location") ? "GetBucketLocation"
                    : "2".equals(request.queryParams().get("list-type")) ? "ListObjectsV2" : "ListObjects";
            case "HEAD" -> bucketOnly ? "HeadBucket" : "HeadObject";
            case "PUT" -> bucketOnly ? "CreateBucket" : "PutObject";
            default -> request.method();
        };
    }

    @Override
    public HttpResponse handle(Call call) {
        HttpRequest request = call.request();
        String[] parts = bucketAndKey(request);
        String bucket = parts[0];
        String key = parts[1];
        HttpResponse response = switch (call.action()) {
            case "ListBuckets" -> ok(listBuckets(call));
            case "CreateBucket" -> {
                store.createBucket(bucket, state.clock.now());
                yield ok("").header("Location", "/" + bucket);
            }
            case "HeadBucket" -> {
                store.bucket(bucket);
                yield new HttpResponse(200).header("x-amz-bucket-region", call.region());
            }
            case "GetBucketLocation" -> {
                store.bucket(bucket);
                yield ok(PROLOG + "<LocationConstraint xmlns=\"" + XMLNS + "\"/>");
            }
            case "ListObjects", "ListObjectsV2" -> ok(S3Listing.render(store.bucket(bucket), request.queryParams(),
                    "ListObjectsV2".equals(call.action())));
            case "GetObject", "HeadObject" -> {
                S3Store.S3Object object = store.object(bucket, key);
                yield new HttpResponse(200).header("Content-Type", object.contentType()).header("ETag", object.etag())
                        .header("Last-Modified", FakeClock.httpDate(object.lastModified()))
                        .header("Accept-Ranges", "bytes").body(object.content());
            }
            case "PutObject" -> {
                byte[] content = AwsChunkedDecoder.applies(request)
                        ? AwsChunkedDecoder.decode(request.body()) : request.body();
                S3Store.S3Object object = store.put(bucket, key, content, request.header("content-type"),
                        state.clock.now());
                yield ok("").header("ETag", object.etag());
            }
            default -> throw new AwsException("NotImplemented", 501,
                    "A header or query you provided implies functionality that is not implemented.");
        };
        return response.header("x-amz-request-id", call.requestId()).header("x-amz-id-2", Ids.s3HostId());
    }

    private String listBuckets(Call call) {
        StringBuilder xml = new StringBuilder(PROLOG).append("<ListAllMyBucketsResult xmlns=\"").append(XMLNS)
                .append("\"><Owner>").append(Xml.el("ID", Ids.stableSuffix("owner").toLowerCase(Locale.ROOT)))
                .append(Xml.el("DisplayName", "credwatch-demo")).append("</Owner><Buckets>");
        for (S3Store.Bucket b : store.buckets().values()) {
            xml.append("<Bucket>").append(Xml.el("Name", b.name()))
                    .append(Xml.el("CreationDate", FakeClock.isoMillis(b.created()))).append("</Bucket>");
        }
        return xml.append("</Buckets></ListAllMyBucketsResult>").toString();
    }

    /** Path-style: the first segment is the bucket, the rest (decoded) the key. */
    private static String[] bucketAndKey(HttpRequest request) {
        String path = request.path().substring(1);
        int slash = path.indexOf('/');
        return slash < 0 ? new String[] {path, ""} : new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }

    private static HttpResponse ok(String xml) {
        return xml.isEmpty() ? new HttpResponse(200) : HttpResponse.of(200, "application/xml", xml);
    }

    @Override
    public HttpResponse error(AwsException error, String requestId) {
        StringBuilder xml = new StringBuilder(PROLOG).append("<Error>").append(Xml.el("Code", error.code))
                .append(Xml.el("Message", error.getMessage()));
        for (Map.Entry<String, String> detail : error.details.entrySet()) {
            xml.append(Xml.el(detail.getKey(), detail.getValue()));
        }
        String hostId = Ids.s3HostId();
        xml.append(Xml.el("RequestId", requestId)).append(Xml.el("HostId", hostId)).append("</Error>");
        return HttpResponse.of(error.status, "application/xml", xml.toString())
                .header("x-amz-request-id", requestId).header("x-amz-id-2", hostId);
    }
}
