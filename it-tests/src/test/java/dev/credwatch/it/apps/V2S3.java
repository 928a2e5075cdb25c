package dev.credwatch.it.apps;

import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link V2App}'s S3 calls, path style (the fake serves every bucket on one host). */
final class V2S3 {
    private V2S3() {
    }

    static void call(String operation, boolean async) {
        if (async) {
            try (S3AsyncClient s3 = V2App.async(S3AsyncClient.builder()).forcePathStyle(true).build()) {
                switch (operation) {
                    case "listBuckets" -> s3.listBuckets(b -> { }).join();
                    default -> throw V2App.unknown("s3", operation);
                }
            }
            return;
        }
        try (S3Client s3 = V2App.sync(S3Client.builder()).forcePathStyle(true).build()) {
            switch (operation) {
                case "listBuckets" -> s3.listBuckets(b -> { });
                default -> throw V2App.unknown("s3", operation);
            }
        }
    }
}
