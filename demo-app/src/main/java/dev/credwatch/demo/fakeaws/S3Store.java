package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory buckets and objects; sorted, because S3 lists keys in UTF-8 binary order. */
final class S3Store {

    record Bucket(String name, Instant created, NavigableMap<String, S3Object> objects) {
    }

    /** @param etag the quoted MD5 of the content, which SDK v1 verifies after GetObject */
    record S3Object(byte[] content, String contentType, String etag, Instant lastModified) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentSkipListMap<>();

    Map<String, Bucket> buckets() {
        return buckets;
    }

    Bucket createBucket(String name, Instant now) {
        return buckets.computeIfAbsent(name, n -> new Bucket(n, now, new ConcurrentSkipListMap<>()));
    }

    Bucket bucket(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist")
                    .detail("BucketName", name);
        }
        return bucket;
    }

    S3Object object(String bucketName, String key) {
        S3Object object = bucket(bucketName).objects().get(key);
        if (object == null) {
            throw new AwsException("NoSuchKey", 404, "The specified key does not exist.").detail("Key", key);
        }
        return object;
    }

    S3Object put(String bucketName, String key, byte[] content, String contentType, Instant now) {
        S3Object object = new S3Object(content, contentType == null ? "binary/octet-stream" : contentType,
                "\"" + md5(content) + "\"", now);
        bucket(bucketName).objects().put(key, object);
        return object;
    }

    void put(String bucketName, String key, String text, Instant now) {
        createBucket(bucketName, now);
        put(bucketName, key, text.getBytes(StandardCharsets.UTF_8), "text/plain", now);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
