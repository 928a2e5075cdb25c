package dev.credwatch.demo.fakeaws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Random identifiers shaped like the real ones, so that log lines and masks look familiar. */
final class Ids {
    static final String ACCOUNT_ID = "123456789012";
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** S3's x-amz-request-id: 16 upper-case hex characters. */
    static String s3RequestId() {
        return HexFormat.of().withUpperCase().formatHex(bytes(8));
    }

    /** S3's x-amz-id-2 (host id): opaque base64. */
    static String s3HostId() {
        return Base64.getEncoder().encodeToString(bytes(48));
    }

    static String sessionKeyId() {
        return "ASIA" + random(KEY_ALPHABET, 16);
    }

    static String secret() {
        return random(SECRET_ALPHABET, 40);
    }

    static String sessionToken() {
        // Real tokens are long opaque base64; the prefix only makes them recognisable in a dump.
        return "FwoGZXIvYXdzEFakeCredwatch" + Base64.getEncoder().encodeToString(bytes(96));
    }

    /** 17 upper-case characters derived from a name, stable across runs (for AIDA/AROA ids). */
    static String stableSuffix(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                out.append(KEY_ALPHABET.charAt((digest[i] & 0xFF) % KEY_ALPHABET.length()));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
