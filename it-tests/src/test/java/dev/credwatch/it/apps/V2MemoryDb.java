package dev.credwatch.it.apps;

import software.amazon.awssdk.services.memorydb.MemoryDbAsyncClient;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;

/** {@link V2App}'s MemoryDB calls: a service on AWS JSON 1.1. */
final class V2MemoryDb {
    private V2MemoryDb() {
    }

    static void call(String operation, boolean async) {
        if (async) {
            try (MemoryDbAsyncClient memoryDb = V2App.async(MemoryDbAsyncClient.builder()).build()) {
                switch (operation) {
                    case "describeClusters" -> memoryDb.describeClusters(b -> { }).join();
                    default -> throw V2App.unknown("memorydb", operation);
                }
            }
            return;
        }
        try (MemoryDbClient memoryDb = V2App.sync(MemoryDbClient.builder()).build()) {
            switch (operation) {
                case "describeClusters" -> memoryDb.describeClusters(b -> { });
                default -> throw V2App.unknown("memorydb", operation);
            }
        }
    }
}
