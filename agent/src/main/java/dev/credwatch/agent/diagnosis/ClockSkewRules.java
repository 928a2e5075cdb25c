package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.config.Durations;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a local clock off from AWS's: in a failure, in an attempt a retry hid, or in a healthy call. */
final class ClockSkewRules {
    /** AWS refuses signatures 5 minutes off; an auth error with 4 minutes of skew is most likely that. */
    static final long AUTH_ERROR_SKEW_SECONDS = 240;
    private static final String SYNC = "sync it with NTP";

    private final Duration skewWarn;

    ClockSkewRules(Duration skewWarn) {
        this.skewWarn = skewWarn;
    }

    /** True when AWS refused the request for its time rather than for its credentials. */
    static boolean rejectsTime(String code, String message, Long skewSeconds) {
        return ErrorCodeCatalog.isSkewCode(code)
                || Hints.contains(message, "Signature expired")
                || Hints.contains(message, "Signature not yet current")
                || ErrorCodeCatalog.isSkewSensitive(code) && skewSeconds != null
                        && Math.abs(skewSeconds) >= AUTH_ERROR_SKEW_SECONDS;
    }

    Diagnosis rejected(CallObservation call) {
        Long skew = call.clockSkewSeconds() != null ? call.clockSkewSeconds() : skewFromMessage(call.errorMessage());
        String offBy = skew == null ? "is probably 5 minutes or more off" : offset(skew);
        return Hints.diagnosis(DiagnosisCategory.CLOCK_SKEW,
                "AWS refused the request's time: the local clock " + offBy + "; " + SYNC, call.errorCode())
                .withSkew(skew);
    }

    /** A skew the SDK hid by retrying, else a healthy call's skew over {@code skew.warn}, else null. */
    Diagnosis hiddenOrDrifting(CallObservation call) {
        List<FailedAttempt> attempts = call.failedAttempts();
        // Indexed: every healthy call passes here, and an iterator over the (unmodifiable) list is an allocation.
        for (int i = 0; i < attempts.size(); i++) {
            FailedAttempt attempt = attempts.get(i);
            if (rejectsTime(attempt.errorCode(), null, attempt.clockSkewSeconds())) {
                Long skew = attempt.clockSkewSeconds() != null ? attempt.clockSkewSeconds() : call.clockSkewSeconds();
                String offBy = skew == null ? "is off" : offset(skew);
                return Hints.diagnosis(DiagnosisCategory.CLOCK_SKEW, "an attempt failed with "
                        + Hints.oneLine(attempt.errorCode(), 60) + " and the SDK retried with a corrected clock: "
                        + "the local clock " + offBy + "; " + SYNC, attempt.errorCode()).withSkew(skew);
            }
        }
        Long skew = call.clockSkewSeconds();
        if (skew != null && Math.abs(skew) > skewWarn.getSeconds()) {
            return Hints.diagnosis(DiagnosisCategory.CLOCK_SKEW, "the local clock " + offset(skew)
                    + "; AWS refuses signatures 5 minutes off: " + SYNC, null);
        }
        return null;
    }

    /** Positive skew: AWS's clock is ahead, so the local one is behind. */
    private static String offset(long skewSeconds) {
        if (skewSeconds == 0) {
            return "matches AWS";
        }
        return "is " + Durations.approximate(Duration.ofSeconds(skewSeconds))
                + (skewSeconds > 0 ? " behind AWS" : " ahead of AWS");
    }

    private static Long skewFromMessage(String message) {
        Matcher times = SignatureTimes.PATTERN.matcher(Hints.scannable(message));
        if (!times.find()) {
            return null;
        }
        try {
            LocalDateTime signed = LocalDateTime.parse(times.group(1), SignatureTimes.AMZ_DATE);
            LocalDateTime awsNow = LocalDateTime.parse(times.group(2), SignatureTimes.AMZ_DATE);
            return awsNow.toEpochSecond(ZoneOffset.UTC) - signed.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * Compiled on the first message that needs them, not with the rules at start-up: a pattern and a formatter
     * cost start-up some milliseconds, and only a refused signature's message is read with them.
     */
    private static final class SignatureTimes {
        // "Signature expired: <signed> is now earlier than <limit> (<aws now> - 5 min.)", and the mirror
        // "Signature not yet current: <signed> is still later than <limit> (<aws now> + 15 min.)".
        static final Pattern PATTERN = Pattern.compile("Signature (?:expired|not yet current): "
                + "(\\d{8}T\\d{6}Z) is (?:now earlier|still later) than \\d{8}T\\d{6}Z \\((\\d{8}T\\d{6}Z)");
        static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    }
}
