package dev.credwatch.demo.fakeaws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Strips S3's {@code aws-chunked} content encoding ({@code <hex-size>;chunk-signature=...\r\n
 * <data>\r\n ... 0;...\r\n<trailers>}), which both SDKs use for uploads over plain HTTP.
 * Chunk signatures and trailing checksums are not verified; the seed signature is.
 */
final class AwsChunkedDecoder {
    private AwsChunkedDecoder() {
    }

    static boolean applies(HttpRequest request) {
        String encoding = request.header("content-encoding");
        String sha = request.header("x-amz-content-sha256");
        return (encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING-"));
    }

    static byte[] decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            if (lineEnd < 0) {
                break;
            }
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break; // what follows are trailers (x-amz-checksum-*, trailer signature)
            }
            int dataStart = lineEnd + 2;
            out.write(body, dataStart, size);
            pos = dataStart + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
