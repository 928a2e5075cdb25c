package dev.credwatch.demo.fakeaws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link FakeAws} per test class:
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAwsExtension aws = FakeAwsExtension.start().withClientsKey();
 * private static final FakeAws fake = aws.fake();
 * }</pre>
 * The fake starts with the extension, that is when JUnit initializes the test class just before it
 * runs it, so that the class can keep the fake in a final field for its tests and static helpers.
 * After each test the extension undoes every fault and forgets the requests, so that no test sees
 * another's; after the last test it stops the fake.
 */
final class FakeAwsExtension implements AfterEachCallback, AfterAllCallback {
    private final FakeAws fake = FakeAws.start();
    /** Set by the tests themselves; cleared after each test. */
    private final List<String> testProperties = new ArrayList<>();
    /** Set here for the whole class; cleared after its last test. */
    private final List<String> classProperties = new ArrayList<>();

    private FakeAwsExtension() {
    }

    static FakeAwsExtension start() {
        return new FakeAwsExtension();
    }

    FakeAws fake() {
        return fake;
    }

    /** Registers the long-term key that tests hand to the {@link Clients} helpers ({@link Clients#KEY_ID}). */
    FakeAwsExtension withClientsKey() {
        fake.addLongTermKey(Clients.KEY_ID, Clients.SECRET);
        return this;
    }

    /**
     * Points SDK v1's instance-profile provider at the fake for the whole class: SDK v1 takes the IMDS
     * endpoint from a system property (or the environment) only, never from the provider's constructor.
     */
    FakeAwsExtension withSdkV1ImdsOnTheFake() {
        System.setProperty(CredentialProviders.V1_IMDS_ENDPOINT, fake.instanceMetadataEndpoint());
        classProperties.add(CredentialProviders.V1_IMDS_ENDPOINT);
        return this;
    }

    /**
     * System properties that tests set to configure the SDKs. They are JVM-wide, so each is cleared
     * after every test, pass or fail, and the next test starts without it.
     */
    FakeAwsExtension clearingAfterEach(String... systemProperties) {
        testProperties.addAll(List.of(systemProperties));
        return this;
    }

    /** One request without a body, on a connection of its own that is closed once the answer is read. */
    RawHttp.Response send(String method, String target, Map<String, String> headers) throws IOException {
        return send(method, target, headers, new byte[0]);
    }

    /** One request, on a connection of its own that is closed once the answer is read. */
    RawHttp.Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (RawHttp http = new RawHttp(fake)) {
            return http.send(method, target, headers, body, 0);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fake.reset();
        fake.clearRequests();
        testProperties.forEach(System::clearProperty);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        classProperties.forEach(System::clearProperty);
        fake.close();
    }
}
