package dev.credwatch.agent.report.inventory;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class MBeanPublicationTest {
    @Test
    void registersOnceTheServerExistsAndNeverBefore() {
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger registrations = new AtomicInteger();
        BooleanSupplier thirdLookFindsIt = () -> {
            assertThat(registrations).hasValue(0);
            return looks.incrementAndGet() == 3;
        };

        new MBeanPublication(thirdLookFindsIt, registrations::incrementAndGet, 1).run();

        assertThat(looks).hasValue(3);
        assertThat(registrations).hasValue(1);
    }

    @Test
    void anInterruptedWaitRegistersNothingAndKeepsTheInterrupt() throws Exception {
        AtomicInteger registrations = new AtomicInteger();
        Thread waiting = new Thread(new MBeanPublication(() -> false, registrations::incrementAndGet, 10_000));
        waiting.start();
        waiting.interrupt();
        waiting.join(5_000);

        assertThat(waiting.isAlive()).isFalse();
        assertThat(registrations).hasValue(0);
    }

    @Test
    void thePlatformServerIsFoundOnceSomeoneMadeIt() {
        java.lang.management.ManagementFactory.getPlatformMBeanServer();

        assertThat(new MBeanPublication.PlatformServerCheck().getAsBoolean()).isTrue();
    }
}
