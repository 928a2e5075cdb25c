package dev.credwatch.agent.instrument.weave;

/** Method shapes the weaver must keep verifiable: several returns, own handlers, wide locals, loops, throws. */
public class WeavingSubject {
    private final String name = "subject";
    private int calls;

    public String twoReturns(boolean first) {
        calls++;
        if (first) {
            return "first";
        }
        return "second";
    }

    public String catchesItsOwn(String message) {
        try {
            throw new IllegalStateException(message);
        } catch (IllegalStateException e) {
            return "caught ".concat(e.getMessage()); // not "+": Java 9 concatenation needs Java 9 class files
        }
    }

    public void throwsOn(String message) {
        if (message != null) {
            throw new IllegalArgumentException(message);
        }
    }

    public long wide(long start, double step, int times) {
        long total = start;
        for (int i = 0; i < times; i++) {
            total += (long) step;
        }
        return total;
    }

    public Object loopsAtOnce(int countdown) {
        while (countdown > 0) {
            countdown--;
        }
        return name;
    }

    public static String statically(String value) {
        return value == null ? "none" : value;
    }

    public String finallyBlock(String value) {
        try {
            if (value.isEmpty()) {
                throw new IllegalStateException("empty");
            }
            return value;
        } finally {
            calls++;
        }
    }
}
