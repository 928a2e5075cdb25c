package dev.credwatch.agent.instrument.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A static method of the {@code dispatch} package that woven code calls, and the values it passes. The hook
 * catches whatever goes wrong behind it, so woven code needs no handler of its own around the call.
 */
public final class HookCall {
    private final String ownerInternalName;
    private final String methodName;
    private final List<AdviceValue> values;
    private final boolean returnsValue;

    HookCall(String ownerInternalName, String methodName, boolean returnsValue, AdviceValue... values) {
        this.ownerInternalName = ownerInternalName;
        this.methodName = methodName;
        this.returnsValue = returnsValue;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The hook class, with slashes: named, never loaded, so that the boot class path can get it first. */
    public String ownerInternalName() {
        return ownerInternalName;
    }

    public String methodName() {
        return methodName;
    }

    public List<AdviceValue> values() {
        return values;
    }

    public boolean takes(AdviceValue.Kind kind) {
        for (AdviceValue value : values) {
            if (value.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** An enter hook returns an {@code Object} when the exit hook takes it, otherwise nothing. */
    public boolean returnsValue() {
        return returnsValue;
    }

    public String descriptor() {
        StringBuilder descriptor = new StringBuilder("(");
        for (AdviceValue value : values) {
            descriptor.append(value.parameterDescriptor());
        }
        return descriptor.append(returnsValue ? ")Ljava/lang/Object;" : ")V").toString();
    }

    @Override
    public String toString() {
        return ownerInternalName.substring(ownerInternalName.lastIndexOf('/') + 1) + '.' + methodName + values;
    }
}
