package dev.credwatch.it.apps;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * What the benchmark's applications measure from inside, around one client's call: the time from JVM start to
 * the end of the first call; then, once warm, per call the wall time, the calling thread's CPU time and
 * allocation, and the whole process's CPU time (an async client's work runs on its own threads); and peak
 * RSS. Prints one {@code key=value} line. With {@code app.calls=0} it stops after the first call: the
 * benchmark times that start-up run from outside.
 */
final class BenchLoop {
    private BenchLoop() {
    }

    static void measure(Runnable call) throws IOException {
        call.run();
        long firstCallMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        int measured = Integer.getInteger("app.calls", 3000);
        if (measured == 0) {
            System.out.println("first_call_ms=" + firstCallMillis + " peak_rss_kb=" + peakRssKb());
            return;
        }
        for (int i = Integer.getInteger("app.warmup", 2000); i > 0; i--) {
            call.run();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long processAllocatedBefore = allThreadsAllocated(threads);
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long processCpuBefore = process.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            call.run();
        }
        double elapsed = System.nanoTime() - start;
        double threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
        double processCpu = process.getProcessCpuTime() - processCpuBefore;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        long processAllocated = allThreadsAllocated(threads) - processAllocatedBefore;
        System.out.println("first_call_ms=" + firstCallMillis + " call_us=" + elapsed / measured / 1000
                + " thread_cpu_us=" + threadCpu / measured / 1000 + " process_cpu_us=" + processCpu / measured / 1000
                + " alloc_bytes_per_call=" + allocated / measured
                + " process_alloc_bytes_per_call=" + processAllocated / measured + " peak_rss_kb=" + peakRssKb());
    }

    /**
     * What every live thread has allocated: an async client's work (and an exporter's) runs on threads of its own.
     * A thread that ends in between takes its count with it; the measured loop starts none.
     */
    private static long allThreadsAllocated(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, allocated);
        }
        return total;
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
