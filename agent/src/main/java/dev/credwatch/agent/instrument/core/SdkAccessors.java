package dev.credwatch.agent.instrument.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reads SDK objects by name through method handles cached per class.
 *
 * <p>Why not compile against the SDK: the SDK may live in a child class loader (Spring Boot, servlet
 * containers) that the agent's classes cannot link against, and its API varies between 1.11.x and
 * 1.12.x and across 2.x. Looking members up by name per runtime class works from any loader and turns
 * a missing member into a null instead of a {@link LinkageError}. Each lookup happens once per class
 * and member; calls use {@code invokeExact} on handles adapted to {@code Object}.
 */
public final class SdkAccessors {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType ONE_ARG = MethodType.methodType(Object.class, Object.class, Object.class);
    /** Cached "no such member", so a miss costs one map lookup, not a reflective search. */
    private static final MethodHandle ABSENT = MethodHandles.constant(Object.class, null);

    /** One cache per member kind, so that a lookup needs no key built per call: calls allocate nothing. */
    private static final HandleCache NO_ARG_METHODS = new HandleCache();
    private static final HandleCache ONE_ARG_METHODS = new HandleCache();
    private static final HandleCache FIELDS = new HandleCache();

    private SdkAccessors() {
    }

    /** Calls the public no-argument method {@code name} on {@code target}; null if absent or null target. */
    public static Object call(Object target, String name) {
        return read(NO_ARG_METHODS, target, name);
    }

    /** Calls the public one-argument method {@code name}; null if absent. */
    public static Object call(Object target, String name, Object argument) {
        if (target == null) {
            return null;
        }
        MethodHandle handle = ONE_ARG_METHODS.get(target.getClass(), name);
        if (handle == ABSENT) {
            return null;
        }
        try {
            return (Object) handle.invokeExact(target, argument);
        } catch (Throwable t) {
            throw new SdkAccessException(target.getClass(), name, t);
        }
    }

    /** Reads field {@code name}, declared by the target's class or a superclass, whatever its visibility. */
    public static Object field(Object target, String name) {
        return read(FIELDS, target, name);
    }

    /** A getter or a field: both are handles from the target to a value. */
    private static Object read(HandleCache kind, Object target, String name) {
        if (target == null) {
            return null;
        }
        MethodHandle handle = kind.get(target.getClass(), name);
        if (handle == ABSENT) {
            return null;
        }
        try {
            return (Object) handle.invokeExact(target);
        } catch (Throwable t) {
            throw new SdkAccessException(target.getClass(), name, t);
        }
    }

    /** Reads a public static field of a class, e.g. an SDK constant; null if absent. */
    public static Object staticField(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) ? field.get(null) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static MethodHandle resolve(HandleCache kind, Class<?> type, String name) {
        try {
            if (kind == FIELDS) {
                Field field = findField(type, name);
                if (field == null) {
                    return ABSENT;
                }
                field.setAccessible(true);
                return MethodHandles.lookup().unreflectGetter(field).asType(GETTER);
            }
            boolean oneArg = kind == ONE_ARG_METHODS;
            Method method = findPublicMethod(type, name, oneArg ? 1 : 0);
            if (method == null) {
                return ABSENT;
            }
            return MethodHandles.lookup().unreflect(method).asType(oneArg ? ONE_ARG : GETTER);
        } catch (Exception | LinkageError e) {
            return ABSENT;
        }
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    return field;
                }
            }
        }
        return null;
    }

    /**
     * Finds the method where a public type declares it: an implementation class may be non-public (and,
     * inside the JDK, closed to reflection), while the interface or superclass that declares it is not.
     */
    private static Method findPublicMethod(Class<?> type, String name, int parameterCount) {
        if (type == null) {
            return null;
        }
        if (Modifier.isPublic(type.getModifiers())) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterTypes().length == parameterCount
                        && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isBridge()) {
                    return method;
                }
            }
        }
        Method found = findPublicMethod(type.getSuperclass(), name, parameterCount);
        for (Class<?> implemented : type.getInterfaces()) {
            if (found != null) {
                break;
            }
            found = findPublicMethod(implemented, name, parameterCount);
        }
        return found;
    }

    /** Member name → handle, per runtime class. */
    private static final class HandleCache extends ClassValue<MemberHandles> {
        @Override
        protected MemberHandles computeValue(Class<?> type) {
            return new MemberHandles();
        }

        MethodHandle get(Class<?> type, String name) {
            MemberHandles handles = get(type);
            MethodHandle handle = handles.find(name);
            return handle != null ? handle : handles.add(name, resolve(this, type, name));
        }
    }

    /** An SDK member that exists but failed when called: a sign of an SDK version credwatch does not know. */
    public static final class SdkAccessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SdkAccessException(Class<?> type, String member, Throwable cause) {
            super("reading " + member + " of " + type.getName() + " failed: " + cause, cause);
        }
    }
}
