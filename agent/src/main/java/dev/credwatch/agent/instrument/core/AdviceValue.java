package dev.credwatch.agent.instrument.core;

/**
 * One value a hook receives from the advised method: the instance, an argument, all arguments, a field of the
 * instance, or at exit the returned value, the thrown exception and what the enter hook returned. Every value
 * is passed as {@code Object} (an {@code Object[]} for all arguments, a {@code Throwable} for the thrown one),
 * primitives boxed, so that a hook's signature never names an SDK type.
 */
public final class AdviceValue {
    /** What the value is. */
    public enum Kind { THIS, ARGUMENT, ALL_ARGUMENTS, FIELD, RETURNED, THROWN, ENTERED }

    private static final AdviceValue THIS = new AdviceValue(Kind.THIS, -1, null);
    private static final AdviceValue ALL_ARGUMENTS = new AdviceValue(Kind.ALL_ARGUMENTS, -1, null);
    private static final AdviceValue RETURNED = new AdviceValue(Kind.RETURNED, -1, null);
    private static final AdviceValue THROWN = new AdviceValue(Kind.THROWN, -1, null);
    private static final AdviceValue ENTERED = new AdviceValue(Kind.ENTERED, -1, null);

    private final Kind kind;
    private final int index;
    private final String fieldName;

    private AdviceValue(Kind kind, int index, String fieldName) {
        this.kind = kind;
        this.index = index;
        this.fieldName = fieldName;
    }

    public static AdviceValue self() {
        return THIS;
    }

    public static AdviceValue argument(int index) {
        return new AdviceValue(Kind.ARGUMENT, index, null);
    }

    public static AdviceValue allArguments() {
        return ALL_ARGUMENTS;
    }

    /** A field the advised class itself declares, read when the hook runs. */
    public static AdviceValue field(String name) {
        return new AdviceValue(Kind.FIELD, -1, name);
    }

    /** The returned value at a normal exit; null at a void return and when the method throws. */
    public static AdviceValue returned() {
        return RETURNED;
    }

    /** The exception the method throws; null at a normal exit. An exit hook taking it runs on both exits. */
    public static AdviceValue thrown() {
        return THROWN;
    }

    /** What the enter hook returned, which an exit hook taking it makes the enter hook return. */
    public static AdviceValue entered() {
        return ENTERED;
    }

    public Kind kind() {
        return kind;
    }

    /** The argument's position, for {@link Kind#ARGUMENT}. */
    public int index() {
        return index;
    }

    /** The field's name, for {@link Kind#FIELD}. */
    public String fieldName() {
        return fieldName;
    }

    /** The JVM descriptor of the hook parameter this value is passed as. */
    public String parameterDescriptor() {
        switch (kind) {
            case ALL_ARGUMENTS:
                return "[Ljava/lang/Object;";
            case THROWN:
                return "Ljava/lang/Throwable;";
            default:
                return "Ljava/lang/Object;";
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AdviceValue)) {
            return false;
        }
        AdviceValue value = (AdviceValue) other;
        return kind == value.kind && index == value.index
                && (fieldName == null ? value.fieldName == null : fieldName.equals(value.fieldName));
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + index) * 31 + (fieldName == null ? 0 : fieldName.hashCode());
    }

    @Override
    public String toString() {
        return kind == Kind.ARGUMENT ? "argument " + index : kind == Kind.FIELD ? "field " + fieldName
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
