package dev.credwatch.agent.instrument;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.observation.ObservationPipeline;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * For the in-process tests of the credential-provider instrumentation: the instrumented JVM, a credentials
 * endpoint stub to fetch from, and every observation the pipeline receives, cleared before each test.
 */
public final class ObservedFetches implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final List<Observation> observed = new CopyOnWriteArrayList<>();
    private CredentialEndpointStub stub;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        InstrumentedTestJvm.install();
        ObservationPipeline.install(observed::add);
        stub = new CredentialEndpointStub();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        observed.clear();
        stub.answerCredentials(200, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ObservationPipeline.install(null);
        stub.close();
    }

    public CredentialEndpointStub stub() {
        return stub;
    }

    /** The SDK calls observed so far, in order. */
    public List<CallObservation> calls() {
        return observed.stream().filter(CallObservation.class::isInstance).map(CallObservation.class::cast)
                .collect(Collectors.toList());
    }

    public List<Observation> all() {
        return observed;
    }
}
