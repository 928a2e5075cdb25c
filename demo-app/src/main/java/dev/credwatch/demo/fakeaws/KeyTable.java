package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The access keys the fake accepts: registered by the caller, or issued by STS and the metadata endpoints. */
final class KeyTable {
    static final String DEFAULT_USER_ARN = "arn:aws:iam::" + Ids.ACCOUNT_ID + ":user/credwatch-demo";
    /** Issued keys are kept to this many; the oldest issued key goes first (memory stays bounded). */
    private static final int MAX_ISSUED = 10_000;

    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();
    private final Deque<String> issuedOrder = new ConcurrentLinkedDeque<>();
    /** Every secret and token ever held, removed keys included, for tests that scan output for leaks. */
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    void add(AccessKey key) {
        keys.put(key.id(), key);
        if (secrets.size() < 2 * MAX_ISSUED) {
            secrets.add(key.secret());
            if (key.sessionToken() != null) {
                secrets.add(key.sessionToken());
            }
        }
    }

    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    AccessKey find(String keyId) {
        return keys.get(keyId);
    }

    void remove(String keyId) {
        keys.remove(keyId);
    }

    /** Issues and registers new temporary credentials for {@code arn}, valid for {@code lifetime} from {@code now}. */
    AccessKey issue(String arn, Instant now, Duration lifetime) {
        AccessKey key = new AccessKey(Ids.sessionKeyId(), Ids.secret(), Ids.sessionToken(),
                now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS), arn);
        add(key);
        issuedOrder.addLast(key.id());
        while (issuedOrder.size() > MAX_ISSUED) {
            String oldest = issuedOrder.pollFirst();
            if (oldest != null) {
                keys.remove(oldest);
            }
        }
        return key;
    }
}
