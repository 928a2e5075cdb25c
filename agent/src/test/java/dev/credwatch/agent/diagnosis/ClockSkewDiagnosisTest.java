package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.diagnose;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static dev.credwatch.agent.diagnosis.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class ClockSkewDiagnosisTest {

    @Test
    void aSkewCodeIsClockSkewWithTheMeasuredOffset() {
        List<Diagnosis> found = diagnose(failed("RequestTimeTooSkewed", 403,
                "The difference between the request time and the current time is too large.")
                .clockSkewSeconds(372L).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CLOCK_SKEW);
            assertThat(d.code()).isEqualTo("RequestTimeTooSkewed");
            assertThat(d.hint()).isEqualTo(
                    "AWS refused the request's time: the local clock is 6m12s behind AWS; sync it with NTP");
        });
    }

    @Test
    void aClockAheadIsSaidSo() {
        List<Diagnosis> found = diagnose(failed("RequestInTheFuture", 403, null).clockSkewSeconds(-900L).build());

        assertThat(found.get(0).hint()).contains("is 15m ahead of AWS");
    }

    @Test
    void aLargeSkewTurnsAnInvalidOrSignatureErrorIntoClockSkew() {
        for (String code : new String[] {"SignatureDoesNotMatch", "InvalidClientTokenId", "AuthFailure"}) {
            List<Diagnosis> found = diagnose(failed(code, 403, "x").clockSkewSeconds(-240L).build());

            assertThat(found).extracting(Diagnosis::category).containsExactly(DiagnosisCategory.CLOCK_SKEW);
        }
    }

    @Test
    void aSmallSkewLeavesTheAuthErrorAloneButIsReportedBesideIt() {
        List<Diagnosis> found = diagnose(failed("SignatureDoesNotMatch", 403, "x").clockSkewSeconds(239L).build());

        assertThat(found).extracting(Diagnosis::category)
                .containsExactly(DiagnosisCategory.SIGNATURE_MISMATCH, DiagnosisCategory.CLOCK_SKEW);
    }

    @Test
    void signatureExpiredMessagesAreClockSkewAndGiveTheOffsetWhenNoDateWasSeen() {
        List<Diagnosis> found = diagnose(failed("InvalidSignatureException", 400, "Signature expired: "
                + "20261122T093000Z is now earlier than 20261122T094000Z (20261122T094500Z - 5 min.)")
                .clockSkewSeconds(null).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CLOCK_SKEW);
            assertThat(d.hint()).contains("the local clock is 15m behind AWS");
        });
    }

    @Test
    void signatureNotYetCurrentMeansTheClockIsAhead() {
        List<Diagnosis> found = diagnose(failed("InvalidSignatureException", 400, "Signature not yet current: "
                + "20261122T103000Z is still later than 20261122T101500Z (20261122T100000Z + 15 min.)")
                .clockSkewSeconds(null).build());

        assertThat(found.get(0).hint()).contains("is 30m ahead of AWS");
    }

    @Test
    void anUnknownOffsetIsStillExplained() {
        List<Diagnosis> found = diagnose(failed("RequestExpired", 400, "Request has expired.")
                .clockSkewSeconds(null).build());

        assertThat(found.get(0).hint()).isEqualTo("AWS refused the request's time: the local clock is probably "
                + "5 minutes or more off; sync it with NTP");
    }

    @Test
    void aSkewHiddenByTheSdkRetryIsFoundInTheFailedAttempt() {
        CallObservation call = succeeded().attempts(2).clockSkewSeconds(400L)
                .failedAttempts(Collections.singletonList(new FailedAttempt("RequestTimeTooSkewed", 403, 401L)))
                .build();

        List<Diagnosis> found = diagnose(call);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CLOCK_SKEW);
            assertThat(d.code()).isEqualTo("RequestTimeTooSkewed");
            assertThat(d.hint()).isEqualTo("an attempt failed with RequestTimeTooSkewed and the SDK retried with "
                    + "a corrected clock: the local clock is 6m41s behind AWS; sync it with NTP");
        });
    }

    @Test
    void theSkewShownIsTheOneTheHintQuotes() {
        // The retry's response measured 400 s, the refused attempt 401 s: the line and the hint must agree.
        CallObservation call = succeeded().attempts(2).clockSkewSeconds(400L)
                .failedAttempts(Collections.singletonList(new FailedAttempt("RequestTimeTooSkewed", 403, 401L)))
                .build();

        Diagnosis found = diagnose(call).get(0);

        assertThat(found.hint()).contains("6m41s behind");
        assertThat(found.evidence().clockSkewSeconds()).isEqualTo(401L);
        assertThat(found.evidence().httpStatus()).isEqualTo(403L);
    }

    @Test
    void aSkewFromTheRefusalMessageIsShownWhenNoDateCame() {
        CallObservation call = failed("SignatureDoesNotMatch", 403, "Signature expired: 20261122T094000Z is now "
                + "earlier than 20261122T095500Z (20261122T100000Z - 5 min.)").clockSkewSeconds(null).build();

        assertThat(diagnose(call).get(0).evidence().clockSkewSeconds()).isEqualTo(1200L);
    }

    @Test
    void aHiddenSignatureErrorCountsOnlyWithALargeSkew() {
        CallObservation small = succeeded().failedAttempts(Collections.singletonList(
                new FailedAttempt("SignatureDoesNotMatch", 403, 30L))).build();
        CallObservation large = succeeded().failedAttempts(Collections.singletonList(
                new FailedAttempt("SignatureDoesNotMatch", 403, 300L))).build();

        assertThat(diagnose(small)).isEmpty();
        assertThat(diagnose(large)).extracting(Diagnosis::category).containsExactly(DiagnosisCategory.CLOCK_SKEW);
    }

    @Test
    void aHealthyCallWarnsOnlyOverSkewWarn() {
        assertThat(diagnose(succeeded().clockSkewSeconds(60L).build())).isEmpty();
        assertThat(diagnose(succeeded().clockSkewSeconds(null).build())).isEmpty();

        List<Diagnosis> found = diagnose(succeeded().clockSkewSeconds(-61L).build());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DiagnosisCategory.CLOCK_SKEW);
            assertThat(d.code()).isNull();
            assertThat(d.hint()).isEqualTo("the local clock is 1m1s ahead of AWS; AWS refuses signatures 5 minutes "
                    + "off: sync it with NTP");
        });
    }
}
