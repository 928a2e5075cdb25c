package dev.credwatch.agent.report.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What the inventory knows of one credential; guarded by the inventory's lock. */
final class InventoryEntry {
    final String maskedKey;
    final String source;
    final String provider;
    String kind = "";
    Instant expiresAt;
    Instant lastUsed;
    long calls;
    final Map<String, Long> securityErrors = new TreeMap<String, Long>();
    String lastDiagnosis = "";

    InventoryEntry(String maskedKey, String source, String provider) {
        this.maskedKey = maskedKey;
        this.source = source;
        this.provider = provider;
    }

    void securityError(String diagnosis) {
        Long count = securityErrors.get(diagnosis);
        securityErrors.put(diagnosis, count == null ? 1L : count + 1);
    }

    long ttlSeconds(Instant now) {
        return expiresAt == null ? -1 : expiresAt.getEpochSecond() - now.getEpochSecond();
    }
}
