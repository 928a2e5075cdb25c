package dev.credwatch.agent.report.inventory;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live table of credentials the application used: one entry per access key, fed by
 * every call and credential fetch. Bounded: past {@link #MAX_ENTRIES} the least recently used entry goes, so an
 * application that mints endless session keys keeps only its current ones. A provider's last fetch is kept by
 * source and provider: a fetch comes before the key it brings; one that brought nothing is an entry keyed "-".
 */
final class CredentialInventory {
    static final int MAX_ENTRIES = 256;
    static final String NO_KEY = "-";

    private final AccessKeyMask mask;
    private final Map<String, InventoryEntry> entries = new LinkedHashMap<String, InventoryEntry>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InventoryEntry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Map<String, String[]> lastFetchByProvider = new LinkedHashMap<String, String[]>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    CredentialInventory(AccessKeyMask mask) {
        this.mask = mask;
    }

    synchronized void call(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        CredentialInfo credentials = call.credentials();
        if (credentials == null) {
            return;
        }
        InventoryEntry entry = entry(credentials.accessKeyId(), credentials.source().wireName(),
                credentials.provider());
        entry.kind = credentials.kind() == null ? "" : credentials.kind().wireName();
        if (credentials.expiresAt() != null) {
            entry.expiresAt = credentials.expiresAt();
        }
        entry.lastUsed = now;
        entry.calls++;
        if (call.failed()) {
            for (Diagnosis diagnosis : diagnoses) {
                entry.securityError(diagnosis.category().wireName());
                entry.lastDiagnosis = diagnosis.category().wireName();
            }
        }
    }

    synchronized void fetch(CredentialFetch fetch, Instant now) {
        String source = fetch.source() == null ? "" : fetch.source().wireName();
        String outcome = fetch.outcome() == CredentialFetch.Outcome.OK ? "ok"
                : fetch.outcome() == CredentialFetch.Outcome.FAILED ? "failed" : "kept_old_keys";
        lastFetchByProvider.put(source + '|' + fetch.provider(), new String[] {text(now),
            fetch.reason() == null ? outcome : outcome + " (" + fetch.reason() + ")"});
        if (fetch.failed() && !knows(source, fetch.provider())) {
            entry(null, source, fetch.provider());
        }
    }

    /** Every entry, the soonest to expire first, then the most recently used. */
    synchronized List<CredentialRow> rows(Instant now) {
        List<InventoryEntry> sorted = new ArrayList<InventoryEntry>(entries.values());
        Collections.sort(sorted, new Comparator<InventoryEntry>() {
            @Override
            public int compare(InventoryEntry a, InventoryEntry b) {
                long left = a.expiresAt == null ? Long.MAX_VALUE : a.ttlSeconds(now);
                long right = b.expiresAt == null ? Long.MAX_VALUE : b.ttlSeconds(now);
                return left != right ? Long.compare(left, right) : compareTimes(b.lastUsed, a.lastUsed);
            }
        });
        List<CredentialRow> rows = new ArrayList<CredentialRow>(sorted.size());
        for (InventoryEntry entry : sorted) {
            String[] fetch = lastFetchByProvider.get(entry.source + '|' + entry.provider);
            rows.add(new CredentialRow(entry.maskedKey, entry.source, text(entry.provider), entry.kind,
                    text(entry.expiresAt), entry.ttlSeconds(now), text(entry.lastUsed), entry.calls,
                    new HashMap<String, Long>(entry.securityErrors), entry.lastDiagnosis,
                    fetch == null ? "" : fetch[0], fetch == null ? "" : fetch[1]));
        }
        return rows;
    }

    private boolean knows(String source, String provider) {
        for (InventoryEntry entry : entries.values()) {
            if (entry.source.equals(source) && String.valueOf(entry.provider).equals(String.valueOf(provider))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keyed by the access key id itself, on the calling thread's hot path: no string is built per call, and the
     * id is masked once, when its entry is made. A key id is no secret; only the masked form leaves the table.
     */
    private InventoryEntry entry(String accessKeyId, String source, String provider) {
        String key = accessKeyId != null ? accessKeyId : NO_KEY + '|' + source + '|' + provider;
        InventoryEntry entry = entries.get(key);
        if (entry == null) {
            entry = new InventoryEntry(accessKeyId == null ? NO_KEY : mask.apply(accessKeyId), source, provider);
            entries.put(key, entry);
        }
        return entry;
    }

    private static int compareTimes(Instant a, Instant b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    private static String text(Object value) {
        // Whole seconds: the table is read by people, and AWS expiries have no finer grain.
        return value == null ? "" : value instanceof Instant
                ? ((Instant) value).truncatedTo(ChronoUnit.SECONDS).toString() : value.toString();
    }
}
