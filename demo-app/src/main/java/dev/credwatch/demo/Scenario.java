package dev.credwatch.demo;

import dev.credwatch.demo.fakeaws.FakeAws;

import java.util.Map;

/**
 * One step of the demo's story: a fault switched on in the fake AWS, an application making an SDK
 * call, what the application should see and what credwatch should print. The fault and the
 * expectations do not depend on the SDK, so an SDK v2 variant of a scenario is the same line with
 * another {@link SdkCall} and name.
 *
 * @param name          what the scenario is run by ({@code clock-skew})
 * @param sdk           {@code v1} or {@code v2}
 * @param story         the one line printed before the call: what the application does, in what situation
 * @param expected      what the application should see and what credwatch should print
 * @param fault         switched on in the fake before the call, undone after it by {@link FakeAws#reset()}
 * @param child         null: the call runs in the demo's JVM; else it runs in a child JVM whose
 *                      environment this prepares (environment variables are read once, at start)
 * @param call          the application's calls
 */
public record Scenario(String name, String sdk, String story, Expected expected, Fault fault, ChildSetup child,
                       SdkCall call) {

    /**
     * @param seen      {@code ok}, the AWS error code, or the exception's simple name the application should see
     * @param diagnosis the category credwatch should print; null: credwatch should print nothing
     * @param detail    what else the line should show (e.g. {@code source=container}); may be null
     */
    public record Expected(String seen, String diagnosis, String detail) {
        static Expected sees(String seen) {
            return new Expected(seen, null, null);
        }

        Expected warns(String category) {
            return new Expected(seen, category, null);
        }

        Expected warns(String category, String what) {
            return new Expected(seen, category, what);
        }

        /** For the summary: {@code diagnosis=access_denied source=container}, or "nothing". */
        String line() {
            return diagnosis == null ? "nothing" : "diagnosis=" + diagnosis + (detail == null ? "" : " " + detail);
        }
    }

    /** A fault of the fake AWS, switched on before the call. */
    @FunctionalInterface
    public interface Fault {
        Fault NONE = fake -> { };

        void arrange(FakeAws fake);
    }

    /** The environment variables and system properties of the child JVM, on top of a clean environment. */
    @FunctionalInterface
    public interface ChildSetup {
        void prepare(FakeAws fake, Map<String, String> environment, Map<String, String> systemProperties);
    }

    static Scenario inProcess(String name, String sdk, String story, Expected expected, Fault fault, SdkCall call) {
        return new Scenario(name, sdk, story, expected, fault, null, call);
    }

    static Scenario inChildJvm(String name, String sdk, String story, Expected expected, Fault fault,
                               ChildSetup child, SdkCall call) {
        return new Scenario(name, sdk, story, expected, fault, child, call);
    }
}
