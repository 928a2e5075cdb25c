package dev.credwatch.agent.instrument.weave;

import dev.credwatch.agent.instrument.core.AdvisedMethod;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What weaving needs to know before it writes a method: the class's name and version, its instance fields,
 * and each advised method's local variable count, which the class file gives only after the method's code.
 * Read in a first, quick pass that parses only the advised methods.
 */
final class ClassShape extends ClassVisitor {
    static final int API = Opcodes.ASM9;

    private final List<AdvisedMethod> advice;
    private final Map<String, String> fieldDescriptors = new HashMap<String, String>();
    private final Map<String, Integer> maxLocals = new HashMap<String, Integer>();
    private String internalName;
    private int version;

    private ClassShape(List<AdvisedMethod> advice) {
        super(API);
        this.advice = advice;
    }

    static ClassShape read(ClassReader reader, List<AdvisedMethod> advice) {
        ClassShape shape = new ClassShape(advice);
        reader.accept(shape, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return shape;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.version = version;
        this.internalName = name;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_STATIC) == 0) {
            fieldDescriptors.put(name, descriptor);
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if (adviceFor(access, name, descriptor) == null) {
            return null;
        }
        final String method = name + descriptor;
        return new MethodVisitor(API) {
            @Override
            public void visitMaxs(int maxStack, int locals) {
                maxLocals.put(method, locals);
            }
        };
    }

    /** The advice for this method, or null: constructors, abstract and native methods are never advised. */
    AdvisedMethod adviceFor(int access, String name, String descriptor) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || name.startsWith("<")) {
            return null;
        }
        int parameters = Type.getArgumentTypes(descriptor).length;
        for (AdvisedMethod method : advice) {
            if (method.matches(name, parameters)) {
                return method;
            }
        }
        return null;
    }

    boolean hasAdvisedMethods() {
        return !maxLocals.isEmpty();
    }

    /** Java 6 class files and later carry stack map frames, which the woven code must keep true. */
    boolean hasStackMaps() {
        return (version & 0xFFFF) >= Opcodes.V1_6;
    }

    String internalName() {
        return internalName;
    }

    /** The descriptor of an instance field the class declares, or null. */
    String fieldDescriptor(String name) {
        return fieldDescriptors.get(name);
    }

    /** The advised method's local variable slots, the first free slot for the woven code's own. */
    int maxLocals(String name, String descriptor) {
        Integer locals = maxLocals.get(name + descriptor);
        return locals == null ? 0 : locals;
    }
}
