package dev.credwatch.agent.instrument.dispatch;

/**
 * The static methods woven SDK v1 code calls (see the v1 instrumentations for where). Each hands its values to
 * the installed tracker and swallows whatever goes wrong there: the application's call goes on as without the
 * agent, and the woven code needs no exception handler of its own.
 */
public final class V1Advice {
    private V1Advice() {
    }

    public static Object callStarted(Object executor) {
        try {
            return Hooks.v1Calls().callStarted(executor);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void callEnded(Object call, Object request, Object executionContext, Object response,
                                 Throwable thrown) {
        try {
            Hooks.v1Calls().callEnded(call, request, executionContext, response, thrown);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void credentialsResolved(Object credentials) {
        try {
            Hooks.v1Calls().credentialsResolved(credentials);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void attemptFailed(Object serviceException) {
        try {
            Hooks.v1Calls().attemptFailed(serviceException);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void succeeding(Object request, Object executionContext, Object response) {
        try {
            Hooks.v1Calls().outcomeBeforeHandlers(request, executionContext, response, null);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void failing(Object request, Object executionContext, Object thrown) {
        try {
            Hooks.v1Calls().outcomeBeforeHandlers(request, executionContext, null, (Throwable) thrown);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static Object fetcherStarting(Object fetcher) {
        try {
            return Hooks.v1Fetches().fetcherStarting(fetcher);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void fetcherEnded(Object state, Object fetcher, Throwable thrown) {
        try {
            if (state != null) {
                Hooks.v1Fetches().fetcherEnded(state, fetcher, thrown);
            }
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void fetcherFailed(Object[] arguments) {
        try {
            Hooks.v1Fetches().fetcherFailed(arguments);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void fetcherKeptOldKeys(Object fetcher) {
        try {
            Hooks.v1Fetches().fetcherKeptOldKeys(fetcher);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static Object sessionRefreshStarting(Object task) {
        try {
            return Hooks.v1Fetches().sessionRefreshStarting(task);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void sessionRefreshEnded(Object state, Object task, Throwable thrown) {
        try {
            if (state != null) {
                Hooks.v1Fetches().sessionRefreshEnded(state, task, thrown);
            }
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static Object processRefreshStarting() {
        try {
            return Hooks.v1Fetches().processRefreshStarting();
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void processRefreshEnded(Object state, Object provider, Throwable thrown) {
        try {
            if (state != null) {
                Hooks.v1Fetches().processRefreshEnded(state, provider, thrown);
            }
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void tokenRequestFailed() {
        try {
            Hooks.v1Fetches().tokenRequestFailed();
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }
}
