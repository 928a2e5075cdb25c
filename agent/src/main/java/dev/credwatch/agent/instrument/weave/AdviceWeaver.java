package dev.credwatch.agent.instrument.weave;

import dev.credwatch.agent.instrument.core.AdviceValue;
import dev.credwatch.agent.instrument.core.AdvisedMethod;
import dev.credwatch.agent.instrument.core.HookCall;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Weaves one advised method: the enter hook before its first instruction, the exit hook before each return
 * and, when the exit hook takes the thrown exception, in a handler of any throwable that calls it and throws
 * on. The handler covers the original code only, not the exit calls, and comes last in the exception table, so
 * the method's own handlers keep catching what they caught. Values the exit hook needs from the entry (the
 * enter hook's result, the instance, arguments) are kept in locals of the woven code's own, past the method's,
 * and added to every stack map frame so the verifier knows them everywhere the handler can be reached from.
 */
final class AdviceWeaver extends MethodVisitor {
    private static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    private final HookCall enter;
    private final HookCall exit;
    private final boolean exitOnThrow;
    private final boolean stackMaps;
    private final WovenValues values;
    private final List<Label[]> protectedRanges = new ArrayList<Label[]>();
    private Label rangeStart;

    AdviceWeaver(MethodVisitor next, int access, String name, String descriptor, AdvisedMethod advice,
                 ClassShape shape) {
        super(ClassShape.API, next);
        this.enter = advice.enter();
        this.exit = advice.exit();
        this.exitOnThrow = exit != null && exit.takes(AdviceValue.Kind.THROWN);
        this.stackMaps = shape.hasStackMaps();
        this.values = new WovenValues(next, access, descriptor, shape, shape.maxLocals(name, descriptor));
        values.check(advice + " of " + shape.internalName(), enter, exit);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        values.keepForExit(exit);
        if (enter != null) {
            values.pushAtEntry(enter);
            invoke(enter);
            if (enter.returnsValue()) {
                values.storeEntered();
            }
        }
        if (exitOnThrow) {
            rangeStart = mark();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (exit == null || opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
            super.visitInsn(opcode);
            return;
        }
        closeRange();
        boolean returnsValue = opcode == Opcodes.ARETURN && exit.takes(AdviceValue.Kind.RETURNED);
        if (returnsValue) {
            values.storeScratch();
        }
        values.pushAtExit(exit, returnsValue, false);
        invoke(exit);
        if (returnsValue) {
            values.loadScratch();
        }
        super.visitInsn(opcode);
        if (exitOnThrow) {
            rangeStart = mark();
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (!values.keepsAny() || !stackMaps) {
            super.visitFrame(type, numLocal, local, numStack, stack);
            return;
        }
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("compressed stack map frame in an expanded read");
        }
        Object[] locals = values.frameLocals(local, numLocal);
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, numStack, stack);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (exitOnThrow) {
            closeRange();
            Label handler = new Label();
            boolean handled = false;
            for (Label[] range : protectedRanges) {
                if (range[0].getOffset() != range[1].getOffset()) {
                    super.visitTryCatchBlock(range[0], range[1], handler, null);
                    handled = true;
                }
            }
            if (handled) {
                super.visitLabel(handler);
                if (stackMaps) {
                    Object[] locals = values.frameLocals(new Object[0], 0);
                    super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, THROWABLE_ON_STACK);
                }
                values.storeScratch();
                values.pushAtExit(exit, false, true);
                invoke(exit);
                values.loadScratch();
                super.visitInsn(Opcodes.ATHROW);
            }
        }
        int hookStack = Math.max(stackOf(enter), stackOf(exit));
        super.visitMaxs(maxStack + hookStack, Math.max(maxLocals, values.slotsNeeded()));
    }

    private void closeRange() {
        if (rangeStart != null) {
            protectedRanges.add(new Label[] {rangeStart, mark()});
            rangeStart = null;
        }
    }

    private Label mark() {
        Label label = new Label();
        super.visitLabel(label);
        return label;
    }

    private void invoke(HookCall hook) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.ownerInternalName(), hook.methodName(), hook.descriptor(),
                false);
    }

    /** Each value takes a slot, all arguments' array building up to four more, a wide primitive one more. */
    private static int stackOf(HookCall hook) {
        return hook == null ? 0 : hook.values().size() + 5;
    }
}
