package dev.credwatch.agent.diagnosis;

/**
 * One finding about one observation: what is wrong, a one-line hint built from the evidence, what the
 * finding itself rests on (an error code, a measured skew, a provider's reason code), and, once the
 * diagnoser has worked it out, the {@link Evidence} reporters show as it is.
 */
public final class Diagnosis {
    private final DiagnosisCategory category;
    private final String hint;
    private final String code;
    private final Long skewSeconds;
    private final String reason;
    private final Long fetchMillis;
    private final Evidence evidence;

    public Diagnosis(DiagnosisCategory category, String hint) {
        this(category, hint, null);
    }

    public Diagnosis(DiagnosisCategory category, String hint, String code) {
        this(category, hint, code, null, null, null, Evidence.NONE);
    }

    private Diagnosis(DiagnosisCategory category, String hint, String code, Long skewSeconds, String reason,
                      Long fetchMillis, Evidence evidence) {
        this.category = category;
        this.hint = hint;
        this.code = code;
        this.skewSeconds = skewSeconds;
        this.reason = reason;
        this.fetchMillis = fetchMillis;
        this.evidence = evidence;
    }

    /** The same finding, told with another hint. */
    public Diagnosis withHint(String otherHint) {
        return new Diagnosis(category, otherHint, code, skewSeconds, reason, fetchMillis, evidence);
    }

    /** The same finding, resting on this measured skew (the one its hint quotes). */
    public Diagnosis withSkew(Long measuredSkewSeconds) {
        return new Diagnosis(category, hint, code, measuredSkewSeconds, reason, fetchMillis, evidence);
    }

    /** The same finding, with the machine-readable reason code(s) of a credential provider's failure. */
    public Diagnosis withReason(String reasonCode) {
        return new Diagnosis(category, hint, code, skewSeconds, reasonCode, fetchMillis, evidence);
    }

    /** The same finding, resting on a credential fetch that took this long. */
    public Diagnosis withFetchMillis(Long millis) {
        return new Diagnosis(category, hint, code, skewSeconds, reason, millis, evidence);
    }

    /** The same finding with the evidence of the observation it was made on. */
    public Diagnosis withEvidence(Evidence observed) {
        return new Diagnosis(category, hint, code, skewSeconds, reason, fetchMillis, observed);
    }

    public DiagnosisCategory category() {
        return category;
    }

    public String hint() {
        return hint;
    }

    /**
     * The AWS error code this finding itself rests on, or null when it rests on the call's own outcome. It
     * differs from the call's code when a retried attempt showed the problem (the SDK's clock-skew retry hides
     * {@code RequestTimeTooSkewed}). {@link Evidence#errorCode()} is the code to show.
     */
    public String code() {
        return code;
    }

    /** The skew this finding measured (a retried attempt's), or null when it rests on the call's own. */
    public Long skewSeconds() {
        return skewSeconds;
    }

    /** The provider failure's reason code(s), comma-separated, or null. */
    public String reason() {
        return reason;
    }

    /** How long the credential fetch this finding rests on took, or null. */
    public Long fetchMillis() {
        return fetchMillis;
    }

    public Evidence evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return category.wireName() + ": " + hint;
    }
}
