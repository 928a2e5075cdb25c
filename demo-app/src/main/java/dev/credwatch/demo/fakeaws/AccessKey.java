package dev.credwatch.demo.fakeaws;

import java.time.Instant;

/**
 * One entry of the fake's key table.
 *
 * @param sessionToken null for a long-term (AKIA) key
 * @param expiry       null for a long-term key
 * @param arn          the identity GetCallerIdentity reports for this key
 */
record AccessKey(String id, String secret, String sessionToken, Instant expiry, String arn) {

    boolean isSession() {
        return sessionToken != null;
    }

    boolean expiredAt(Instant now) {
        return expiry != null && !now.isBefore(expiry);
    }

    /** The unique id GetCallerIdentity shows: an AIDA user id or an AROA role id with a session name. */
    String userId() {
        String suffix = Ids.stableSuffix(arn);
        if (arn.contains(":assumed-role/")) {
            return "AROA" + suffix + ":" + arn.substring(arn.lastIndexOf('/') + 1);
        }
        return "AIDA" + suffix;
    }
}
