package dev.credwatch.it.apps;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * SDK v1 under load: {@code app.threads} threads make {@code app.calls} SQS calls each, 8 in 10 with the key
 * the fake accepts ({@code app.accessKey}), one with {@code app.expiredKey} and one with {@code app.throttledKey}
 * (the fake answers those ExpiredToken and Throttling), no retries. Prints the outcome counts (the same with
 * and without an agent), then the call rate, the calls' latency percentiles and the heap in use after a full GC.
 */
public final class V1LoadApp {
    private V1LoadApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.getInteger("app.threads");
        int calls = Integer.getInteger("app.calls");
        AmazonSQS[] clients = {client("app.accessKey"), client("app.expiredKey"), client("app.throttledKey")};
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long[][] nanos = new long[threads][calls];
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = nanos[t];
            workers[t] = new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    AmazonSQS sqs = clients[i % 10 < 8 ? 0 : i % 10 - 7];
                    long started = System.nanoTime();
                    String outcome = outcome(sqs);
                    mine[i] = System.nanoTime() - started;
                    outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
                }
            }, "load-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("LOAD " + new TreeMap<>(outcomes));
        System.out.println("RATE calls_per_second=" + (long) threads * calls * 1000 / Math.max(1, millis));
        long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.println("LATENCY p50_us=" + all[all.length / 2] / 1000 + " p99_us="
                + all[(int) (all.length * 0.99)] / 1000);
        System.gc();
        System.gc();
        System.out.println("HEAP used_after_gc_bytes="
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private static String outcome(AmazonSQS sqs) {
        try {
            sqs.listQueues();
            return "ok";
        } catch (AmazonServiceException e) {
            return e.getErrorCode();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static AmazonSQS client(String keyProperty) {
        return AmazonSQSClientBuilder.standard()
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0).withMaxConnections(64))
                .withEndpointConfiguration(new EndpointConfiguration(System.getProperty("app.endpoint"), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                        System.getProperty(keyProperty), System.getProperty("app.secretKey"))))
                .build();
    }
}
