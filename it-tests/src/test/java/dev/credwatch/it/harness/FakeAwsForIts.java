package dev.credwatch.it.harness;

import dev.credwatch.demo.fakeaws.FakeAws;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One fake AWS for all tests of an IT class, registered as a static {@code @RegisterExtension} field: started
 * before the first test, reset after each (a fault one test switches on must not leak into the next; the keys
 * stay) and closed after the last.
 */
public final class FakeAwsForIts implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Supplier<FakeAws> starter;
    private final List<String> keySecrets;
    private FakeAws fake;

    private FakeAwsForIts(Supplier<FakeAws> starter, List<String> keySecrets) {
        this.starter = starter;
        this.keySecrets = keySecrets;
    }

    /** A fake that accepts the scenario keys. */
    public static FakeAwsForIts accepting(ScenarioKeys keys) {
        return new FakeAwsForIts(keys::startFakeAws, keys.secrets());
    }

    /** A fake that accepts this one long-term key. */
    public static FakeAwsForIts acceptingLongTermKey(String key, String secret) {
        return new FakeAwsForIts(() -> FakeAws.start().addLongTermKey(key, secret), List.of(secret));
    }

    public FakeAws fake() {
        if (fake == null) {
            throw new IllegalStateException("the fake AWS starts before the first test: register "
                    + getClass().getSimpleName() + " on a static field");
        }
        return fake;
    }

    /**
     * What the leak scan looks for: the secrets of the keys given and all the fake knows now, the ones it issued
     * so far included. A copy: what the fake issues later is not in it.
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(keySecrets);
        secrets.addAll(fake().secrets());
        return secrets;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fake = starter.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fake().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Also called when the start failed: nothing to close then, and that failure is the one to report.
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
