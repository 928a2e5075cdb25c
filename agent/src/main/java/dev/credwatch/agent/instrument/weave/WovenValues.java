package dev.credwatch.agent.instrument.weave;

import dev.credwatch.agent.instrument.core.AdviceValue;
import dev.credwatch.agent.instrument.core.HookCall;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * The values an advised method hands its hooks, and the locals the woven code keeps them in. Its own locals
 * start past the method's: the values the exit hook needs from the entry (the enter hook's result, the
 * instance, arguments), then one scratch slot for the returned value or the thrown exception.
 */
final class WovenValues {
    private static final String OBJECT = "java/lang/Object";

    private final MethodVisitor code;
    private final boolean isStatic;
    private final Type[] arguments;
    private final Type returnType;
    private final ClassShape shape;
    private final int firstOwnSlot;
    /** The values kept from the entry for the exit, in slot order from {@link #firstOwnSlot}. */
    private final List<AdviceValue> kept = new ArrayList<AdviceValue>();

    WovenValues(MethodVisitor code, int access, String descriptor, ClassShape shape, int firstOwnSlot) {
        this.code = code;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.arguments = Type.getArgumentTypes(descriptor);
        this.returnType = Type.getReturnType(descriptor);
        this.shape = shape;
        this.firstOwnSlot = firstOwnSlot;
    }

    /** Refuses hooks the method cannot serve, before anything is written. */
    void check(String where, HookCall enter, HookCall exit) {
        if (enter != null) {
            for (AdviceValue value : enter.values()) {
                if (value.kind() == AdviceValue.Kind.RETURNED || value.kind() == AdviceValue.Kind.THROWN
                        || value.kind() == AdviceValue.Kind.ENTERED) {
                    throw refused(where, enter, value + " exists only at exit");
                }
                checkAvailable(where, enter, value);
            }
        }
        if (exit == null) {
            return;
        }
        for (AdviceValue value : exit.values()) {
            if (value.kind() == AdviceValue.Kind.ALL_ARGUMENTS) {
                throw refused(where, exit, "all arguments are passed at entry only");
            }
            if (value.kind() == AdviceValue.Kind.ENTERED && enter == null) {
                throw refused(where, exit, "there is no enter hook");
            }
            if (value.kind() == AdviceValue.Kind.RETURNED && returnType.getSort() != Type.VOID
                    && returnType.getSort() != Type.OBJECT && returnType.getSort() != Type.ARRAY) {
                throw refused(where, exit, "the method returns a primitive");
            }
            checkAvailable(where, exit, value);
        }
    }

    private void checkAvailable(String where, HookCall hook, AdviceValue value) {
        if ((value.kind() == AdviceValue.Kind.THIS || value.kind() == AdviceValue.Kind.FIELD) && isStatic) {
            throw refused(where, hook, "the method is static");
        }
        if (value.kind() == AdviceValue.Kind.FIELD && shape.fieldDescriptor(value.fieldName()) == null) {
            throw refused(where, hook, "the class declares no instance field " + value.fieldName());
        }
        if (value.kind() == AdviceValue.Kind.ARGUMENT && (value.index() < 0 || value.index() >= arguments.length)) {
            throw refused(where, hook, "the method takes " + arguments.length + " arguments");
        }
    }

    private static IllegalArgumentException refused(String where, HookCall hook, String reason) {
        return new IllegalArgumentException("cannot weave " + hook + " into " + where + ": " + reason);
    }

    /** Stores at entry what the exit hook will need (the enter hook's result is stored after it returns). */
    void keepForExit(HookCall exit) {
        if (exit == null) {
            return;
        }
        if (exit.takes(AdviceValue.Kind.ENTERED)) {
            kept.add(AdviceValue.entered());
        }
        if (exit.takes(AdviceValue.Kind.THIS) || exit.takes(AdviceValue.Kind.FIELD)) {
            kept.add(AdviceValue.self());
        }
        for (AdviceValue value : exit.values()) {
            if (value.kind() == AdviceValue.Kind.ARGUMENT && !kept.contains(value)) {
                kept.add(value);
            }
        }
        for (AdviceValue value : kept) {
            if (value.kind() != AdviceValue.Kind.ENTERED) {
                pushFromMethod(value);
                code.visitVarInsn(Opcodes.ASTORE, slotOf(value));
            }
        }
    }

    void storeEntered() {
        if (kept.contains(AdviceValue.entered())) {
            code.visitVarInsn(Opcodes.ASTORE, slotOf(AdviceValue.entered()));
        } else {
            code.visitInsn(Opcodes.POP);
        }
    }

    void pushAtEntry(HookCall hook) {
        for (AdviceValue value : hook.values()) {
            pushFromMethod(value);
        }
    }

    /** @param returnedInScratch the returned value was stored in the scratch slot; else it is null */
    void pushAtExit(HookCall hook, boolean returnedInScratch, boolean thrownInScratch) {
        for (AdviceValue value : hook.values()) {
            switch (value.kind()) {
                case RETURNED:
                    loadScratchOrNull(returnedInScratch);
                    break;
                case THROWN:
                    loadScratchOrNull(thrownInScratch);
                    break;
                case FIELD:
                    code.visitVarInsn(Opcodes.ALOAD, slotOf(AdviceValue.self()));
                    getField(value.fieldName());
                    break;
                default:
                    code.visitVarInsn(Opcodes.ALOAD, slotOf(value));
            }
        }
    }

    void storeScratch() {
        code.visitVarInsn(Opcodes.ASTORE, scratchSlot());
    }

    void loadScratch() {
        code.visitVarInsn(Opcodes.ALOAD, scratchSlot());
    }

    boolean keepsAny() {
        return !kept.isEmpty();
    }

    int slotsNeeded() {
        return scratchSlot() + 1;
    }

    /** A frame's locals with the method's slots padded to {@link #firstOwnSlot} and the kept values after them. */
    Object[] frameLocals(Object[] local, int numLocal) {
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        Object[] extended = new Object[numLocal + (firstOwnSlot - slots) + kept.size()];
        System.arraycopy(local, 0, extended, 0, numLocal);
        int at = numLocal;
        while (at < numLocal + firstOwnSlot - slots) {
            extended[at++] = Opcodes.TOP;
        }
        for (AdviceValue value : kept) {
            extended[at++] = value.kind() == AdviceValue.Kind.THIS ? shape.internalName() : OBJECT;
        }
        return extended;
    }

    private void loadScratchOrNull(boolean inScratch) {
        if (inScratch) {
            loadScratch();
        } else {
            code.visitInsn(Opcodes.ACONST_NULL);
        }
    }

    private void pushFromMethod(AdviceValue value) {
        switch (value.kind()) {
            case THIS:
                code.visitVarInsn(Opcodes.ALOAD, 0);
                break;
            case ARGUMENT:
                loadArgument(value.index());
                break;
            case FIELD:
                code.visitVarInsn(Opcodes.ALOAD, 0);
                getField(value.fieldName());
                break;
            case ALL_ARGUMENTS:
                code.visitLdcInsn(arguments.length);
                code.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
                for (int i = 0; i < arguments.length; i++) {
                    code.visitInsn(Opcodes.DUP);
                    code.visitLdcInsn(i);
                    loadArgument(i);
                    code.visitInsn(Opcodes.AASTORE);
                }
                break;
            default:
                throw new IllegalStateException(value + " at entry");
        }
    }

    private void loadArgument(int index) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < index; i++) {
            slot += arguments[i].getSize();
        }
        code.visitVarInsn(arguments[index].getOpcode(Opcodes.ILOAD), slot);
        Boxing.box(code, arguments[index]);
    }

    private void getField(String name) {
        String descriptor = shape.fieldDescriptor(name);
        code.visitFieldInsn(Opcodes.GETFIELD, shape.internalName(), name, descriptor);
        Boxing.box(code, Type.getType(descriptor));
    }

    private int slotOf(AdviceValue value) {
        return firstOwnSlot + kept.indexOf(value);
    }

    private int scratchSlot() {
        return firstOwnSlot + kept.size();
    }
}
