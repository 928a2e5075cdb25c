package dev.credwatch.agent.diagnosis;

/**
 * One finding about one observation: what is wrong, a one-line hint built from the evidence, and the
 * {@link Evidence} itself, which reporters show as it is.
 */
public final class Diagnosis {
    private final DiagnosisCategory category;
    private final String hint;
    private final String code;
    private final Evidence evidence;

    public Diagnosis(DiagnosisCategory category, String hint) {
        this(category, hint, null);
    }

    public Diagnosis(DiagnosisCategory category, String hint, String code) {
        this(category, hint, code, Evidence.NONE);
    }

    private Diagnosis(DiagnosisCategory category, String hint, String code, Evidence evidence) {
        this.category = category;
        this.hint = hint;
        this.code = code;
        this.evidence = evidence;
    }

    /** The same finding with the evidence of the observation it was made on. */
    public Diagnosis withEvidence(Evidence observed) {
        return new Diagnosis(category, hint, code, observed);
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

    public Evidence evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return category.wireName() + ": " + hint;
    }
}
