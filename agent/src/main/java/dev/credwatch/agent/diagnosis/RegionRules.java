package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request signed for the wrong region, and the regions where global STS tokens are not valid. */
final class RegionRules {
    /**
     * Regions an account must enable. Session tokens from the global STS endpoint (sts.amazonaws.com) are
     * valid in them only if the account opted into global tokens, so they fail there as invalid.
     */
    private static final Set<String> OPT_IN_REGIONS = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1",
            "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1")));
    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d{1,2})";
    // S3: "the region 'us-east-1' is wrong; expecting 'eu-west-1'" (header or presigned query).
    private static final Pattern WRONG_REGION =
            Pattern.compile("region '" + REGION + "' is wrong; expecting '" + REGION + "'");
    // JSON and query services: "Credential should be scoped to a valid region, not 'us-east-1'."
    private static final Pattern NOT_VALID_REGION =
            Pattern.compile("Credential should be scoped to a valid region(?:, not '" + REGION + "')?");

    private RegionRules() {
    }

    static boolean isOptIn(String region) {
        return region != null && OPT_IN_REGIONS.contains(region);
    }

    /** A region_mismatch when the failure names or implies the wrong region, else null. */
    static Diagnosis mismatch(CallObservation call) {
        String code = call.errorCode();
        Matcher wrong = WRONG_REGION.matcher(Hints.scannable(call.errorMessage()));
        if (wrong.find()) {
            return Hints.diagnosis(DiagnosisCategory.REGION_MISMATCH, "the request was signed for "
                    + wrong.group(1) + " but the resource is in " + wrong.group(2)
                    + ": set the client's region to " + wrong.group(2), code);
        }
        if ("RegionDisabledException".equals(code) || "RegionDisabled".equals(code)) {
            return Hints.diagnosis(DiagnosisCategory.REGION_MISMATCH, "STS is not activated in "
                    + regionOrUnknown(call.region()) + " for this account: activate it in the IAM account settings "
                    + "or call another regional STS endpoint", code);
        }
        Matcher notValid = NOT_VALID_REGION.matcher(Hints.scannable(call.errorMessage()));
        if (notValid.find()) {
            String signedFor = notValid.group(1) != null ? notValid.group(1) : regionOrUnknown(call.region());
            String endpoint = call.endpointHost() == null ? "the endpoint" : Hints.oneLine(call.endpointHost(), 80);
            return Hints.diagnosis(DiagnosisCategory.REGION_MISMATCH, "the request was signed for " + signedFor
                    + ", which " + endpoint + " does not serve: set the client's region to the endpoint's", code);
        }
        return null;
    }

    private static String regionOrUnknown(String region) {
        return region == null ? "this region" : Hints.oneLine(region, 32);
    }
}
