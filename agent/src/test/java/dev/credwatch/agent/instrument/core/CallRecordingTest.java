package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.TraceParent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallRecordingTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String SQS_EXCEPTION = "software.amazon.awssdk.services.sqs.model.SqsException";

    private static ServiceError error(String code, int status) {
        return new ServiceError(SQS_EXCEPTION, code, "message", status, "req-1", null, null);
    }

    @Test
    void aCallIsPublishedOnceOnly() {
        CallRecording recording = new CallRecording(null, null);

        assertThat(recording.markPublished()).isTrue();
        assertThat(recording.markPublished()).isFalse();
    }

    @Test
    void keepsWhatTheCallStartedWith() {
        CallRecording outer = new CallRecording(null, null);
        TraceParent parent = new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
        CallRecording inner = new CallRecording(outer, parent);

        assertThat(inner.enclosing()).isSameAs(outer);
        assertThat(inner.traceParent()).isSameAs(parent);
        assertThat(inner.elapsedNanos()).isNotNegative();
        assertThat(inner.credentialsSeen()).isNull();
    }

    @Test
    void aHealthyCallHasNoFailedAttempts() {
        CallRecording recording = new CallRecording(null, null);

        assertThat(recording.failedAttemptsBefore(false)).isEmpty();
        assertThat(recording.failedAttemptsBefore(true)).isEmpty();
        assertThat(recording.lastFailedException()).isNull();
        assertThat(recording.lastFailedAttemptAnswered(error("ExpiredToken", 400))).isFalse();
    }

    @Test
    void theLastAttemptIsLeftOutWhenItIsTheCallsOwnOutcome() {
        CallRecording recording = new CallRecording(null, null);
        Exception first = new Exception("first");
        Exception second = new Exception("second");
        recording.recordFailedAttempt(first, error("RequestTimeTooSkewed", 403), NOW);
        recording.recordFailedAttempt(second, error("ExpiredToken", 400), NOW);

        List<FailedAttempt> before = recording.failedAttemptsBefore(true);

        assertThat(before).singleElement().satisfies(attempt -> {
            assertThat(attempt.errorCode()).isEqualTo("RequestTimeTooSkewed");
            assertThat(attempt.httpStatus()).isEqualTo(403);
        });
        assertThat(recording.failedAttemptsBefore(false)).hasSize(2);
        assertThat(recording.lastFailedException()).isSameAs(second);
    }

    @Test
    void theLastAttemptAnsweredLikeTheOutcomeWhenCodeStatusAndTypeMatch() {
        CallRecording recording = new CallRecording(null, null);
        recording.recordFailedAttempt(new Exception(), error("ExpiredToken", 400), NOW);

        assertThat(recording.lastFailedAttemptAnswered(error("ExpiredToken", 400))).isTrue();
        assertThat(recording.lastFailedAttemptAnswered(error("ExpiredToken", 403))).isFalse();
        assertThat(recording.lastFailedAttemptAnswered(error("Throttling", 400))).isFalse();
        assertThat(recording.lastFailedAttemptAnswered(
                new ServiceError("other.Exception", "ExpiredToken", "m", 400, null, null, null))).isFalse();
    }

    @Test
    void aClientSideFailureMatchesWhateverTypeWrapsIt() {
        CallRecording recording = new CallRecording(null, null);
        recording.recordFailedAttempt(new java.io.IOException("reset"),
                ServiceError.clientSide(new java.io.IOException("reset")), NOW);

        assertThat(recording.lastFailedAttemptAnswered(
                ServiceError.clientSide(new IllegalStateException("wrapped")))).isTrue();
    }

    @Test
    void failedAttemptsAreBounded() {
        CallRecording recording = new CallRecording(null, null);
        for (int i = 0; i < CallRecording.MAX_FAILED_ATTEMPTS + 5; i++) {
            recording.recordFailedAttempt(new Exception(), error("Throttling", 400), NOW);
        }

        assertThat(recording.failedAttemptsBefore(false)).hasSize(CallRecording.MAX_FAILED_ATTEMPTS);
    }

    @Test
    void itsToStringSaysWhoseItIsAndNothingMore() {
        CallRecording recording = new CallRecording(null, null);
        recording.credentialsSeen("AKIAIOSFODNN7EXAMPLE");

        assertThat(recording).hasToString("credwatch call state");
    }
}
