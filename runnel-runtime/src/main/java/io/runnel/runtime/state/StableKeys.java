package io.runnel.runtime.state;

import io.runnel.api.functions.KeySelector;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * Rejects keys whose {@code hashCode()} is not the same in every JVM: a key's hash picks its key
 * group, so state restored in another process (or moved to Flink) would land in the wrong group.
 * Identity hashes are the cause: arrays, enums ({@code Enum.hashCode()} is final and identity
 * based), classes that do not override {@code hashCode()}, and records whose declared components
 * are such types (a record's hash combines its components' hashes). We reject rather than hash
 * them some other way, so key groups stay exactly Flink's for the same {@code hashCode()}. A
 * record's components are checked even when it declares its own hashCode (reflection cannot tell
 * that from the generated one).
 *
 * <p>Checked once per key class (cached in a {@link ClassValue}); a {@link Guard} adds a one-slot
 * cache so the per-record cost is one class comparison, without allocation. A key class may still
 * hash unstably through fields of declared type {@code Object} or an interface: those we cannot see.
 */
public final class StableKeys {
    private StableKeys() {}

    private static final ClassValue<String> PROBLEMS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return problem(type, true, 0);
        }
    };

    /** Why keys of exactly {@code type} hash differently in another JVM, or null when they do not. */
    public static String problemOf(Class<?> type) {
        return PROBLEMS.get(type);
    }

    /** Throws when {@code key}'s class hashes by identity; {@code operator} names the keyed operator. */
    public static void check(Object key, String operator) {
        if (key == null) return; // KeyGroups reports null keys
        String problem = problemOf(key.getClass());
        if (problem != null) throw rejected(operator, key.getClass(), problem);
    }

    /**
     * At plan time: rejects {@code selector} when the key class it declares (a lambda's or method
     * reference's return type, or a class's {@code KeySelector<T, K>} type argument) is known to
     * hash by identity. Unknown or open types (interfaces, {@code Object}) pass; the run-time
     * check covers them.
     */
    public static void checkSelector(KeySelector<?, ?> selector, String operator) {
        Class<?> type = declaredKeyClass(selector);
        if (type == null) return;
        String problem = problem(type, false, 0);
        if (problem != null) throw rejected(operator, type, problem);
    }

    private static IllegalArgumentException rejected(String operator, Class<?> type, String problem) {
        return new IllegalArgumentException("operator '" + operator + "' is keyed by " + type.getTypeName() + ", " + problem
                + ": its hashCode() differs between JVMs, so a key's group (and its state after a restore) would move."
                + " Key by a value with a stable hashCode() instead (a String, a number, an enum's name(), a record of those)");
    }

    /**
     * Why {@code type} hashes by identity. {@code exact}: {@code type} is the key's run-time class
     * (else a declared type, which a subclass might fix unless it is final).
     */
    static String problem(Class<?> type, boolean exact, int depth) {
        if (type.isPrimitive()) return null;
        if (type.isArray()) return "an array (arrays hash by identity; use a List or a String)";
        if (Enum.class.isAssignableFrom(type) && type != Enum.class) return "an enum (Enum.hashCode() is the identity hash)";
        if (type.isInterface() || type == Enum.class || type == Record.class || (type == Object.class && !exact)) return null;
        boolean overrides = declaresHashCode(type);
        if (!overrides) {
            boolean definite = exact || Modifier.isFinal(type.getModifiers());
            return definite ? "a class that does not override hashCode() (Object's identity hash)" : null;
        }
        if (type.isRecord() && depth < 8) {
            for (RecordComponent c : type.getRecordComponents()) {
                String p = problem(c.getType(), false, depth + 1);
                if (p != null) return "a record whose component '" + c.getName() + "' is " + p;
            }
        }
        return null;
    }

    private static boolean declaresHashCode(Class<?> type) {
        try {
            return type.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The key class {@code selector} declares, or null when it cannot be known. */
    static Class<?> declaredKeyClass(KeySelector<?, ?> selector) {
        if (selector == null) return null;
        Class<?> fromGenerics = fromTypeArgument(selector.getClass());
        if (fromGenerics != null) return fromGenerics;
        return fromLambda(selector);
    }

    private static Class<?> fromTypeArgument(Class<?> c) {
        for (Type t : c.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == KeySelector.class) {
                Type k = p.getActualTypeArguments()[1];
                if (k instanceof Class<?> kc) return kc;
                if (k instanceof ParameterizedType kp && kp.getRawType() instanceof Class<?> raw) return raw;
            }
        }
        return null;
    }

    /** A serializable lambda's implementation method's return type (what javac inferred for K). */
    private static Class<?> fromLambda(KeySelector<?, ?> selector) {
        Class<?> c = selector.getClass();
        if (!c.isSynthetic()) return null;
        try {
            Method writeReplace = c.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (!(writeReplace.invoke(selector) instanceof SerializedLambda lambda)) return null;
            String signature = lambda.getImplMethodSignature();
            String ret = signature.substring(signature.indexOf(')') + 1);
            if (ret.startsWith("[")) return Class.forName(ret.replace('/', '.'), false, c.getClassLoader());
            if (!ret.startsWith("L")) return null; // a primitive (boxed: stable) or void (a constructor)
            return Class.forName(ret.substring(1, ret.length() - 1).replace('/', '.'), false, c.getClassLoader());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // not a serializable lambda we can read: the run-time check still applies
        }
    }

    /**
     * A check for one call site (a partitioner, a keyed operator): remembers the last key class
     * that passed, so the check costs one comparison per record.
     */
    public static final class Guard {
        private final String operator;
        private Class<?> passed;

        public Guard(String operator) {
            this.operator = operator;
        }

        /** Returns {@code key} after checking its class (once per new class). */
        public Object check(Object key) {
            if (key != null && key.getClass() != passed) {
                StableKeys.check(key, operator);
                passed = key.getClass();
            }
            return key;
        }
    }
}
