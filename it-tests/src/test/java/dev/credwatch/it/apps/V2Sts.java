package dev.credwatch.it.apps;

import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

/** {@link V2App}'s STS calls (query protocol). */
final class V2Sts {
    private V2Sts() {
    }

    static void call(String operation, boolean async) {
        if (async) {
            try (StsAsyncClient sts = V2App.async(StsAsyncClient.builder()).build()) {
                switch (operation) {
                    case "getCallerIdentity" -> sts.getCallerIdentity(b -> { }).join();
                    case "getSessionToken" -> sts.getSessionToken(b -> { }).join();
                    default -> throw V2App.unknown("sts", operation);
                }
            }
            return;
        }
        try (StsClient sts = V2App.sync(StsClient.builder()).build()) {
            switch (operation) {
                case "getCallerIdentity" -> sts.getCallerIdentity(b -> { });
                case "getSessionToken" -> sts.getSessionToken(b -> { });
                default -> throw V2App.unknown("sts", operation);
            }
        }
    }
}
