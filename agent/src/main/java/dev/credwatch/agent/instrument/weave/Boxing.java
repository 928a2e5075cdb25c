package dev.credwatch.agent.instrument.weave;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Hooks take {@code Object}s: a primitive value is boxed the way {@code javac} boxes it. */
final class Boxing {
    private Boxing() {
    }

    static void box(MethodVisitor code, Type type) {
        String box = boxOf(type.getSort());
        if (box != null) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf",
                    "(" + type.getDescriptor() + ")L" + box + ";", false);
        }
    }

    private static String boxOf(int sort) {
        switch (sort) {
            case Type.BOOLEAN:
                return "java/lang/Boolean";
            case Type.CHAR:
                return "java/lang/Character";
            case Type.BYTE:
                return "java/lang/Byte";
            case Type.SHORT:
                return "java/lang/Short";
            case Type.INT:
                return "java/lang/Integer";
            case Type.FLOAT:
                return "java/lang/Float";
            case Type.LONG:
                return "java/lang/Long";
            case Type.DOUBLE:
                return "java/lang/Double";
            default:
                return null;
        }
    }
}
