package dev.credwatch.agent.instrument.dispatch;

/**
 * The static methods woven SDK v2 code calls (see the v2 instrumentations for where). Each hands its values to
 * the installed tracker and swallows whatever goes wrong there: the application's call goes on as without the
 * agent, and the woven code needs no exception handler of its own.
 */
public final class V2Advice {
    private V2Advice() {
    }

    public static Object callStarted(Object executionAttributes) {
        try {
            return Hooks.v2Calls().callStarted(executionAttributes);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void startEnded(Object token, Object executionAttributes, Throwable thrown) {
        try {
            Hooks.v2Calls().startEnded(token, executionAttributes, thrown);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static Object credentialsRequested(Object strategy, Object executionAttributes) {
        try {
            return Hooks.v2Calls().credentialsRequested(strategy, executionAttributes);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void attemptFailed(Object retryHelper, Object exception) {
        try {
            Hooks.v2Calls().attemptFailed(retryHelper, (Throwable) exception);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void successBeforeInterceptors(Object context, Object executionAttributes) {
        try {
            Hooks.v2Calls().successBeforeInterceptors(context, executionAttributes);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void successAfterInterceptors(Object context, Object executionAttributes) {
        try {
            Hooks.v2Calls().successAfterInterceptors(context, executionAttributes);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void failureBeforeInterceptors(Object failedContext, Object executionAttributes) {
        try {
            Hooks.v2Calls().failureBeforeInterceptors(failedContext, executionAttributes);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static Object refreshStarting(Object cachedSupplier) {
        try {
            return Hooks.v2Fetches().refreshStarting(cachedSupplier);
        } catch (Throwable ignored) {
            return null;
        }
    }

    public static void refreshEnded(Object state, Throwable thrown) {
        try {
            if (state != null) {
                Hooks.v2Fetches().refreshEnded(state, thrown);
            }
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void fetched(Object cachedSupplier, Object refreshResult) {
        try {
            Hooks.v2Fetches().fetched(cachedSupplier, refreshResult);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void fetchFailed(Object failure) {
        try {
            Hooks.v2Fetches().fetchFailed((Throwable) failure);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void keptOldKeys(Object cachedSupplier, Object refreshResult) {
        try {
            Hooks.v2Fetches().keptOldKeys(cachedSupplier, refreshResult);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void tokenRequestEnded(Object token, Throwable thrown) {
        try {
            Hooks.v2Fetches().tokenRequestEnded(token, thrown);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }

    public static void stsRefreshing(Object provider) {
        try {
            Hooks.v2Fetches().stsRefreshing(provider);
        } catch (Throwable ignored) {
            // See the class comment.
        }
    }
}
