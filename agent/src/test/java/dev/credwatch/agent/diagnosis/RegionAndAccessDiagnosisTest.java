package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.credwatch.agent.diagnosis.Calls.SESSION_KEY;
import static dev.credwatch.agent.diagnosis.Calls.credentials;
import static dev.credwatch.agent.diagnosis.Calls.diagnose;
import static dev.credwatch.agent.diagnosis.Calls.failed;
import static org.assertj.core.api.Assertions.assertThat;

/** region_mismatch and access_denied. */
class RegionAndAccessDiagnosisTest {

    private static Diagnosis only(List<Diagnosis> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aMalformedHeaderNamingTheRegionGivesTheExpectedRegion() {
        Diagnosis found = only(diagnose(failed("AuthorizationHeaderMalformed", 400, "The authorization header is "
                + "malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'").service("S3")
                .operation("GetObject").region("us-east-1").build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.REGION_MISMATCH);
        assertThat(found.hint()).isEqualTo("the request was signed for us-east-1 but the resource is in eu-west-1: "
                + "set the client's region to eu-west-1");
    }

    @Test
    void aMalformedHeaderWithoutARegionIsASignatureProblem() {
        Diagnosis found = only(diagnose(failed("AuthorizationHeaderMalformed", 400, "The authorization header is "
                + "malformed; a non-empty Access Key (AKID) must be provided in the credential.").build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.SIGNATURE_MISMATCH);
        assertThat(found.hint()).startsWith("the Authorization header is malformed");
    }

    @Test
    void aCredentialScopedToTheWrongRegionIsARegionMismatch() {
        Diagnosis found = only(diagnose(failed("InvalidSignatureException", 400, "Credential should be scoped to a "
                + "valid region, not 'us-east-1'. ").region("us-east-1").build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.REGION_MISMATCH);
        assertThat(found.hint()).isEqualTo("the request was signed for us-east-1, which sqs.eu-west-1.amazonaws.com "
                + "does not serve: set the client's region to the endpoint's");
    }

    @Test
    void stsNotActivatedInTheRegion() {
        Diagnosis found = only(diagnose(failed("RegionDisabledException", 403, "STS is not activated in this region "
                + "for account:123456789012.").service("STS").operation("AssumeRole").region("eu-south-2").build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.REGION_MISMATCH);
        assertThat(found.hint()).startsWith("STS is not activated in eu-south-2 for this account");
    }

    @Test
    void accessDeniedNamesOperationIdentityAndAction() {
        Diagnosis found = only(diagnose(failed("AccessDenied", 403, "User: arn:aws:sts::123456789012:assumed-role/"
                + "app/i-0abc is not authorized to perform: sqs:SendMessage on resource: "
                + "arn:aws:sqs:eu-west-1:123456789012:orders because no identity-based policy allows the "
                + "sqs:SendMessage action").credentials(credentials(CredentialSource.INSTANCE_PROFILE,
                        CredentialKind.TEMPORARY, SESSION_KEY).build()).build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.ACCESS_DENIED);
        assertThat(found.hint()).isEqualTo("SQS.SendMessage is not allowed for arn:aws:sts::123456789012:assumed-role/"
                + "app/i-0abc (from instance_profile): check the IAM policy for sqs:SendMessage");
    }

    @Test
    void anExplicitDenyNamesThePolicyType() {
        Diagnosis found = only(diagnose(failed("AccessDeniedException", 400, "User: arn:aws:iam::123456789012:user/"
                + "bob is not authorized to perform: sqs:SendMessage with an explicit deny in a service control "
                + "policy").credentials(Calls.staticLongTerm()).build()));

        assertThat(found.hint()).isEqualTo("SQS.SendMessage is not allowed for arn:aws:iam::123456789012:user/bob "
                + "(from environment): an explicit deny in a service control policy blocks it");
    }

    @Test
    void accessDeniedWithoutDetailsStillNamesOperationAndSource() {
        Diagnosis found = only(diagnose(failed("AuthorizationError", 403, "Access Denied")
                .service("SNS").operation("Publish").credentials(Calls.staticLongTerm()).build()));

        assertThat(found.hint()).isEqualTo(
                "SNS.Publish is not allowed for the identity from environment: check the IAM policy");
    }

    @Test
    void aBare403OnHeadIsExplained() {
        Diagnosis found = only(diagnose(failed("403 Forbidden", 403, null).service("S3").operation("HeadObject")
                .build()));

        assertThat(found.category()).isEqualTo(DiagnosisCategory.ACCESS_DENIED);
        assertThat(found.hint()).startsWith("S3.HeadObject was refused with a bare HTTP 403");
    }

    @Test
    void errorsThatAreNotAboutCredentialsGiveNothing() {
        assertThat(diagnose(failed("QueueDoesNotExist", 400, "The specified queue does not exist").build()))
                .isEmpty();
        assertThat(diagnose(failed("InternalError", 500, null).build())).isEmpty();
    }
}
