package dev.credwatch.agent.report;

import dev.credwatch.agent.log.LogFormat;
import dev.credwatch.agent.log.AgentLogger;
import dev.credwatch.agent.log.LogWriter;
import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.diagnosis.DiagnosisCategory;
import dev.credwatch.agent.diagnosis.Evidence;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LogReporterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final StringWriter output = new StringWriter();
    private final MutableClock clock = new MutableClock(NOW);

    private LogReporter reporter(LogFormat format, AccessKeyMask mask, Duration repeat) {
        AgentLogger logger = new AgentLogger(LogWriter.to(output, "test"), format, LogWriter.to(output, "test"));
        return new LogReporter(logger, mask, repeat, clock);
    }

    private static CallObservation expiredCall() {
        CredentialInfo credentials = CredentialInfo.builder().provider("ProfileCredentialsProvider")
                .source(CredentialSource.PROFILE).kind(CredentialKind.TEMPORARY).accessKeyId("ASIAIOSFODNN7EXAWXYZ")
                .expiresAt(Instant.parse("2026-11-22T09:48:00.250Z")).build();
        return CallObservation.builder().sdk("v1").service("SQS").operation("SendMessage").region("eu-west-1")
                .httpStatus(403).errorCode("ExpiredToken").errorMessage("The security token included in the request "
                        + "is expired " + SECRET).exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException")
                .requestId("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE").clockSkewSeconds(0L).credentials(credentials)
                .build();
    }

    private static List<Diagnosis> expired() {
        return Collections.singletonList(new Diagnosis(DiagnosisCategory.EXPIRED_CREDENTIALS,
                "session credentials from profile are never refreshed and expired 12m ago: renew them", "ExpiredToken"));
    }

    /** The diagnoses as the diagnoser hands them over: with the evidence of the call they were made on. */
    private static List<Diagnosis> on(CallObservation call, List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> d.withEvidence(Evidence.of(call, d))).collect(Collectors.toList());
    }

    private List<String> lines() {
        String text = output.toString();
        return text.isEmpty() ? Collections.emptyList() : Arrays.asList(text.split("\n"));
    }

    @Test
    void writesTheContractKeysInOrderAsText() {
        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(expiredCall(), on(expiredCall(), expired()), NOW);

        assertThat(lines()).containsExactly("[credwatch] WARN diagnosis=expired_credentials service=SQS "
                + "operation=SendMessage code=ExpiredToken status=403 source=profile provider=ProfileCredentialsProvider "
                + "kind=temporary key=ASIA****WXYZ expires_at=2026-11-22T09:48:00Z ttl_s=-720 skew_s=0 "
                + "region=eu-west-1 request_id=7a62c49f-347e-4fc4-9331-6e8eEXAMPLE hint=\"session credentials from "
                + "profile are never refreshed and expired 12m ago: renew them\"");
    }

    @Test
    void writesTheSameKeysAsPureJson() {
        reporter(LogFormat.JSON, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(expiredCall(), on(expiredCall(), expired()), NOW);

        assertThat(lines()).containsExactly("{\"level\":\"WARN\",\"logger\":\"credwatch\","
                + "\"diagnosis\":\"expired_credentials\",\"service\":\"SQS\",\"operation\":\"SendMessage\","
                + "\"code\":\"ExpiredToken\",\"status\":403,\"source\":\"profile\","
                + "\"provider\":\"ProfileCredentialsProvider\",\"kind\":\"temporary\",\"key\":\"ASIA****WXYZ\","
                + "\"expires_at\":\"2026-11-22T09:48:00Z\",\"ttl_s\":-720,\"skew_s\":0,\"region\":\"eu-west-1\","
                + "\"request_id\":\"7a62c49f-347e-4fc4-9331-6e8eEXAMPLE\",\"hint\":\"session credentials from "
                + "profile are never refreshed and expired 12m ago: renew them\"}");
    }

    @Test
    void leavesOutAbsentKeysAndAZeroStatus() {
        CallObservation call = CallObservation.builder().service("STS").operation("GetCallerIdentity")
                .exceptionClass("software.amazon.awssdk.core.exception.SdkClientException").build();
        List<Diagnosis> missing = Collections.singletonList(
                new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, "tried 1 provider: environment (x)"));

        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60)).report(call, on(call, missing), NOW);

        assertThat(lines()).containsExactly("[credwatch] WARN diagnosis=missing_credentials service=STS "
                + "operation=GetCallerIdentity hint=\"tried 1 provider: environment (x)\"");
    }

    @Test
    void aDiagnosisCodeFromARetriedAttemptWinsOverTheCallsCode() {
        CallObservation call = CallObservation.builder().service("SQS").operation("SendMessage").httpStatus(200)
                .clockSkewSeconds(401L).build();
        List<Diagnosis> skew = Collections.singletonList(
                new Diagnosis(DiagnosisCategory.CLOCK_SKEW, "retried", "RequestTimeTooSkewed"));

        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60)).report(call, on(call, skew), NOW);

        assertThat(lines()).containsExactly("[credwatch] WARN diagnosis=clock_skew service=SQS operation=SendMessage "
                + "code=RequestTimeTooSkewed status=200 skew_s=401 hint=retried");
    }

    @Test
    void fullMaskingHidesTheKeyAndNoSecretIsEverWritten() {
        reporter(LogFormat.TEXT, AccessKeyMask.FULL, Duration.ofSeconds(60))
                .report(expiredCall(), on(expiredCall(), expired()), NOW);

        assertThat(output.toString()).contains(" key=**** ").doesNotContain("ASIA").doesNotContain("WXYZ")
                .doesNotContain(SECRET).doesNotContain("The security token");
    }

    @Test
    void repeatsAreSuppressedPerDiagnosisKeyAndServiceAndCountedOnTheNextLine() {
        LogReporter reporter = reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60));

        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        clock.advance(Duration.ofSeconds(20));
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        clock.advance(Duration.ofSeconds(39));
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        clock.advance(Duration.ofSeconds(1));
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        clock.advance(Duration.ofSeconds(60));
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);

        assertThat(lines()).hasSize(3);
        assertThat(lines().get(0)).doesNotContain("suppressed");
        assertThat(lines().get(1)).endsWith(" suppressed=3");
        assertThat(lines().get(2)).doesNotContain("suppressed");
    }

    @Test
    void anotherServiceOrKeyOrDiagnosisIsNotSuppressed() {
        LogReporter reporter = reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60));
        CallObservation otherService = CallObservation.builder().service("SNS").credentials(
                expiredCall().credentials()).build();
        CallObservation otherKey = CallObservation.builder().service("SQS").credentials(
                expiredCall().credentials().toBuilder().accessKeyId("ASIAOTHERKEY0000ABCD").build()).build();

        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        reporter.report(otherService, on(otherService, expired()), NOW);
        reporter.report(otherKey, on(otherKey, expired()), NOW);
        reporter.report(expiredCall(), on(expiredCall(), Collections.singletonList(
                new Diagnosis(DiagnosisCategory.CLOCK_SKEW, "x"))), NOW);

        assertThat(lines()).hasSize(4);
    }

    @Test
    void aProviderFailingForAnotherReasonIsAnotherProblem() {
        LogReporter reporter = reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60));
        CallObservation call = CallObservation.builder().service("SQS").exceptionClass("X").build();

        reporter.report(call, on(call, Collections.singletonList(new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS,
                "rejected").withReason("web_identity_rejected"))), NOW);
        reporter.report(call, on(call, Collections.singletonList(new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS,
                "throttled").withReason("throttled"))), NOW);
        reporter.report(call, on(call, Collections.singletonList(new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS,
                "throttled again").withReason("throttled"))), NOW);

        assertThat(lines()).hasSize(2);
    }

    @Test
    void aZeroRepeatLogsEveryTime() {
        LogReporter reporter = reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ZERO);

        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);
        reporter.report(expiredCall(), on(expiredCall(), expired()), NOW);

        assertThat(lines()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("suppressed"));
    }

    @Test
    void noDiagnosesNoLines() {
        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(expiredCall(), on(expiredCall(), Collections.emptyList()), NOW);

        assertThat(output.toString()).isEmpty();
    }

    @Test
    void aDiagnosisFromAHiddenAttemptShowsThatAttemptsStatus() {
        CallObservation retried = CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues")
                .httpStatus(200).clockSkewSeconds(1200L)
                .failedAttempts(Collections.singletonList(new FailedAttempt("InvalidSignatureException", 400, 1200L)))
                .build();
        Diagnosis skew = new Diagnosis(DiagnosisCategory.CLOCK_SKEW, "the local clock is 20m behind AWS",
                "InvalidSignatureException");

        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(retried, on(retried, Collections.singletonList(skew)), NOW);

        assertThat(lines()).singleElement().asString()
                .contains("code=InvalidSignatureException status=400 ").doesNotContain("status=200");
    }

    @Test
    void aProvidersReasonStandsAfterTheSkewAndBeforeTheRegion() {
        CallObservation call = CallObservation.builder().sdk("v2").service("SQS").operation("ListQueues")
                .region("eu-west-1").exceptionClass("software.amazon.awssdk.core.exception.SdkClientException")
                .build();
        Diagnosis missing = new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, "tried 6 providers")
                .withReason("imds_unreachable,profile_not_found");

        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(call, on(call, Collections.singletonList(missing)), NOW);

        assertThat(lines()).containsExactly("[credwatch] WARN diagnosis=missing_credentials service=SQS "
                + "operation=ListQueues reason=imds_unreachable,profile_not_found region=eu-west-1 "
                + "hint=\"tried 6 providers\"");
    }

    @Test
    void noKeysMeansNoKind() {
        CallObservation missing = CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues")
                .exceptionClass("com.amazonaws.SdkClientException")
                .credentials(CredentialInfo.builder().provider("DefaultAWSCredentialsProviderChain").build()).build();
        Diagnosis diagnosis = new Diagnosis(DiagnosisCategory.MISSING_CREDENTIALS, "tried 5 providers");

        reporter(LogFormat.TEXT, AccessKeyMask.PARTIAL, Duration.ofSeconds(60))
                .report(missing, on(missing, Collections.singletonList(diagnosis)), NOW);

        assertThat(lines()).singleElement().asString().contains("provider=DefaultAWSCredentialsProviderChain")
                .doesNotContain("kind=").doesNotContain("key=");
    }
}
