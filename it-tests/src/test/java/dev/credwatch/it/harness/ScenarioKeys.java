package dev.credwatch.it.harness;

import dev.credwatch.demo.fakeaws.FakeAws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The keys the diagnosis ITs of one SDK generation use: a long-term key, a live session and a session that
 * expired two minutes ago, distinct per generation (tag {@code V1}, {@code V2}) so that masked key ids
 * tell the runs apart.
 */
public record ScenarioKeys(String tag) {

    public String longTermKey() {
        return "AKIACREDWATCH" + tag + "IT001";
    }

    public String longTermSecret() {
        return secret("LongTermSecret/0123456789abcdefghijklm");
    }

    public String sessionKey() {
        return "ASIACREDWATCH" + tag + "IT001";
    }

    public String sessionSecret() {
        return secret("SessionSecret/0123456789abcdefghijklmno");
    }

    public String sessionToken() {
        return secret("SessionToken/IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789");
    }

    public String expiredKey() {
        return "ASIACREDWATCH" + tag + "EXP01";
    }

    public String expiredSecret() {
        return secret("ExpiredSecret/0123456789abcdefghijklmno");
    }

    public String expiredToken() {
        return secret("ExpiredToken/IQoJb3JpZ2luX2VjEXAMPLETOKEN9876543210");
    }

    /** Every secret and token above: what the leak scan looks for besides the fake's issued ones. */
    public List<String> secrets() {
        return List.of(longTermSecret(), sessionSecret(), sessionToken(), expiredSecret(), expiredToken());
    }

    /** A fake AWS that accepts these keys. */
    public FakeAws startFakeAws() {
        FakeAws fake = FakeAws.start();
        fake.addLongTermKey(longTermKey(), longTermSecret());
        fake.addSessionKey(sessionKey(), sessionSecret(), sessionToken(), Instant.now().plus(Duration.ofHours(6)));
        fake.addSessionKey(expiredKey(), expiredSecret(), expiredToken(), Instant.now().minus(Duration.ofMinutes(2)));
        return fake;
    }

    private String secret(String rest) {
        return tag.toLowerCase() + "it" + rest;
    }
}
