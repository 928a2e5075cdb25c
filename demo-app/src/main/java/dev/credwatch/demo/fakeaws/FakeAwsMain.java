package dev.credwatch.demo.fakeaws;

import java.time.Duration;

/**
 * Runs the fake on its own: {@code java -cp ... dev.credwatch.demo.fakeaws.FakeAwsMain [port (0: any free port)]
 * [accessKeyId secretAccessKey]} and prints where it listens. Stops on Ctrl-C.
 */
public final class FakeAwsMain {
    private FakeAwsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String keyId = args.length > 2 ? args[1] : "AKIAFAKECREDWATCH001";
        String secret = args.length > 2 ? args[2] : "fakeSecretKeyForTheCredwatchDemo0000000";
        FakeAws fake = FakeAws.start(port);
        fake.addLongTermKey(keyId, secret);
        String offset = System.getenv("FAKE_AWS_CLOCK_OFFSET"); // e.g. PT20M
        if (offset != null && !offset.isBlank()) {
            fake.setClockOffset(Duration.parse(offset));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        System.out.println("fake AWS listening on " + fake.endpoint());
        System.out.println("  access key:   " + keyId + " (secret: " + secret + ")");
        System.out.println("  region:       us-east-1 (any region is accepted)");
        System.out.println("  IMDS:         " + fake.instanceMetadataEndpoint()
                + "  (-Dcom.amazonaws.sdk.ec2MetadataServiceEndpointOverride / -Daws.ec2MetadataServiceEndpoint)");
        System.out.println("  container:    " + fake.containerCredentialsUri()
                + "  (AWS_CONTAINER_CREDENTIALS_FULL_URI)");
        System.out.println("  clock offset: " + fake.clockOffset());
        Thread.currentThread().join();
    }
}
