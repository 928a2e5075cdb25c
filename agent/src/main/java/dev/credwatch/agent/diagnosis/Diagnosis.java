package dev.credwatch.agent.diagnosis;

/** One finding about one call: what is wrong, and a one-line hint built from the evidence. */
public final class Diagnosis {
    private final DiagnosisCategory category;
    private final String hint;
    private final String code;

    public Diagnosis(DiagnosisCategory category, String hint) {
        this(category, hint, null);
    }

    public Diagnosis(DiagnosisCategory category, String hint, String code) {
        this.category = category;
        this.hint = hint;
        this.code = code;
    }

    public DiagnosisCategory category() {
        return category;
    }

    public String hint() {
        return hint;
    }

    /**
     * The AWS error code this finding rests on, or null. It differs from the call's own code when a
     * retried attempt showed the problem (the SDK's clock-skew retry hides {@code RequestTimeTooSkewed}).
     */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return category.wireName() + ": " + hint;
    }
}
