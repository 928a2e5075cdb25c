package dev.credwatch.agent.instrument.weave;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;

import java.util.List;

/**
 * Weaves hook calls into the advised methods of one SDK class file, with the ASM that Byte Buddy bundles and
 * nothing else of it: Byte Buddy's agent builder and advice machinery load over a thousand classes, which cost
 * a noticeable part of an application's start-up, for the dozen methods credwatch advises. The class keeps
 * its shape (no member added or changed), so the same weaving serves a retransformation after an attach.
 * Methods not advised are copied as they are, constant pool included.
 */
public final class ClassWeaver {
    private ClassWeaver() {
    }

    /**
     * @return the woven class file, or null when it holds none of the advised methods
     * @throws IllegalArgumentException when an advised method cannot take its hooks as declared (the reason said)
     */
    public static byte[] weave(byte[] classFile, List<AdvisedMethod> advice) {
        ClassReader reader = new ClassReader(classFile);
        ClassShape shape = ClassShape.read(reader, advice);
        if (!shape.hasAdvisedMethods()) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        // Frames expanded, so that the woven code's own locals can be added to each; before Java 6 there are none.
        reader.accept(new AdvisingVisitor(writer, shape),
                shape.hasStackMaps() ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static final class AdvisingVisitor extends ClassVisitor {
        private final ClassShape shape;

        AdvisingVisitor(ClassVisitor next, ClassShape shape) {
            super(ClassShape.API, next);
            this.shape = shape;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            AdvisedMethod advice = shape.adviceFor(access, name, descriptor);
            return advice == null ? next : new AdviceWeaver(next, access, name, descriptor, advice, shape);
        }
    }
}
