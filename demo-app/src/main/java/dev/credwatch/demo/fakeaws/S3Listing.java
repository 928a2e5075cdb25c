package dev.credwatch.demo.fakeaws;

import java.util.Map;

/** The ListObjects / ListObjectsV2 result document (no delimiters, no paging: the demo's buckets are tiny). */
final class S3Listing {
    private static final int MAX_KEYS = 1000;

    private S3Listing() {
    }

    static String render(S3Store.Bucket bucket, Map<String, String> query, boolean v2) {
        String prefix = query.getOrDefault("prefix", "");
        // SDK v1 asks for encoding-type=url and then URL-decodes every key it reads back.
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        StringBuilder contents = new StringBuilder();
        int count = 0;
        for (Map.Entry<String, S3Store.S3Object> e : bucket.objects().tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix) || count == MAX_KEYS) {
                break;
            }
            count++;
            S3Store.S3Object o = e.getValue();
            String key = urlEncoded ? UriEncoding.encode(e.getKey(), true) : e.getKey();
            contents.append("<Contents>").append(Xml.el("Key", key))
                    .append(Xml.el("LastModified", FakeClock.isoMillis(o.lastModified())))
                    .append(Xml.el("ETag", o.etag())).append(Xml.el("Size", o.content().length))
                    .append(Xml.el("StorageClass", "STANDARD")).append("</Contents>");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append(Xml.el("Name", bucket.name())).append(Xml.el("Prefix", prefix));
        xml.append(v2 ? Xml.el("KeyCount", count) : Xml.el("Marker", query.getOrDefault("marker", "")));
        xml.append(Xml.el("MaxKeys", MAX_KEYS));
        if (urlEncoded) {
            xml.append(Xml.el("EncodingType", "url"));
        }
        return xml.append(Xml.el("IsTruncated", false)).append(contents).append("</ListBucketResult>").toString();
    }
}
