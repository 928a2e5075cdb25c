package dev.credwatch.it.otel;

import dev.credwatch.demo.fakeaws.FakeAws;
import dev.credwatch.it.harness.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_KEY;
import static dev.credwatch.it.otel.OtelRuns.LONG_TERM_SECRET;
import static dev.credwatch.it.otel.OtelRuns.UNKNOWN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ITs of credwatch's own export share: one fake AWS per class that knows the long-term key, a fresh
 * local OTLP receiver per test (a test starts it into {@link #receiver}), and, after the class, a scan of every
 * body any of its receivers got for any secret the runs used.
 */
abstract class OtlpReceiverFixture {
    static FakeAws fake;
    private static final List<byte[]> ALL_BODIES = new ArrayList<>();
    OtlpReceiver receiver;

    @BeforeAll
    static void startFakeAws() {
        ALL_BODIES.clear();
        fake = FakeAws.start();
        fake.addLongTermKey(LONG_TERM_KEY, LONG_TERM_SECRET);
    }

    @AfterAll
    static void noSecretWasEverExported() {
        Set<String> secrets = new HashSet<>(fake.secrets());
        secrets.add(UNKNOWN_SECRET);
        secrets.add(LONG_TERM_SECRET);
        fake.close();
        assertThat(ALL_BODIES).isNotEmpty();
        assertThat(OtelRuns.secretsIn(ALL_BODIES, secrets)).isEmpty();
    }

    @AfterEach
    void stopReceiver() {
        fake.reset();
        if (receiver != null) {
            ALL_BODIES.addAll(receiver.rawBodies());
            receiver.close();
        }
    }
}
