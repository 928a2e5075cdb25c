package dev.credwatch.it.apps;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The benchmark's application: measures, from inside, the time from JVM start to the end of its first
 * AWS call, the mean time of a successful call once warm, the bytes allocated per call, and peak RSS.
 * Prints one {@code key=value} line; the benchmark runs it with and without the agent.
 */
public final class V1BenchApp {
    private V1BenchApp() {
    }

    public static void main(String[] args) throws IOException {
        AmazonSQS sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(System.getProperty("app.endpoint"), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                        System.getProperty("app.accessKey"), System.getProperty("app.secretKey"))))
                .build();
        sqs.listQueues();
        long firstCallMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();

        int warmup = Integer.getInteger("app.warmup", 2000);
        int measured = Integer.getInteger("app.calls", 3000);
        for (int i = 0; i < warmup; i++) {
            sqs.listQueues();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            sqs.listQueues();
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        System.out.println("first_call_ms=" + firstCallMillis + " call_us=" + (elapsed / measured / 1000.0)
                + " alloc_bytes_per_call=" + (allocated / measured) + " peak_rss_kb=" + peakRssKb());
    }

    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
