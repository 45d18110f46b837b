package io.runnel.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep copies of state values for copy-on-write snapshots: a snapshot keeps the old value and the
 * task goes on with a copy it may mutate in place (an accumulator, a list of elements).
 * Immutable values are shared; the answer per class is computed once.
 */
public final class StateCopier {
    /** Runtime structures that know how to copy themselves. */
    public interface Copyable {
        Object copy();
    }

    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return immutable(c, 0);
        }
    };

    private StateCopier() {}

    /** Whether {@code v} is shared rather than copied (so it cannot change in place); null counts as immutable. */
    public static boolean isImmutable(Object v) {
        if (v == null) return true;
        Class<?> c = v.getClass();
        return c == Long.class || c == String.class || c == Integer.class || IMMUTABLE.get(c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object copy(Object v) {
        if (v == null) return null;
        Class<?> c = v.getClass();
        if (IMMUTABLE.get(c)) return v;
        if (v instanceof Copyable cp) return cp.copy();
        if (v instanceof io.runnel.api.state.StateCopyable<?> sc) return sc.copyState();
        if (v instanceof long[] a) return a.clone();
        if (v instanceof int[] a) return a.clone();
        if (v instanceof double[] a) return a.clone();
        if (v instanceof byte[] a) return a.clone();
        if (v instanceof Object[] a) {
            Object[] out = a.clone();
            for (int i = 0; i < out.length; i++) out[i] = copy(out[i]);
            return out;
        }
        if (c == ArrayList.class) {
            ArrayList<Object> in = (ArrayList<Object>) v;
            ArrayList<Object> out = new ArrayList<>(in.size());
            for (Object o : in) out.add(copy(o));
            return out;
        }
        if (c == HashMap.class || c == LinkedHashMap.class) {
            Map<Object, Object> in = (Map<Object, Object>) v;
            Map<Object, Object> out = c == HashMap.class ? new HashMap<>(Math.max(4, in.size() * 2)) : new LinkedHashMap<>(Math.max(4, in.size() * 2));
            for (Map.Entry<Object, Object> e : in.entrySet()) out.put(e.getKey(), copy(e.getValue()));
            return out;
        }
        if (c == HashSet.class) return new HashSet<>((HashSet) v);
        if (v instanceof Serializable s) return bySerialization(s);
        throw new IllegalStateException("state value of " + c.getName() + " is neither immutable nor Serializable: it cannot be snapshotted");
    }

    private static boolean immutable(Class<?> c, int depth) {
        if (c.isPrimitive() || c == String.class || c == Long.class || c == Integer.class || c == Double.class
                || c == Float.class || c == Short.class || c == Byte.class || c == Boolean.class || c == Character.class
                || c == java.math.BigInteger.class || c == java.math.BigDecimal.class || c.isEnum()
                || c == Class.class || c.getName().startsWith("java.time.")) {
            return true;
        }
        if (depth > 4 || c.isArray()) return false;
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) if (!immutableType(rc.getType(), depth)) return false;
            return true;
        }
        // a final class whose fields are all final and of immutable types (TimeWindow, keys, events)
        if (!Modifier.isFinal(c.getModifiers())) return false;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (var f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                if (!Modifier.isFinal(f.getModifiers()) || !immutableType(f.getType(), depth)) return false;
            }
        }
        return true;
    }

    private static boolean immutableType(Class<?> t, int depth) {
        if (t.isPrimitive()) return true;
        // a field typed as an interface or a non-final class may hold anything
        if (!Modifier.isFinal(t.getModifiers()) && !t.isRecord() && !t.isEnum()) return false;
        return immutable(t, depth + 1);
    }

    private static Object bySerialization(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not copy state value of " + value.getClass().getName() + ": " + e, e);
        }
        ClassLoader loader = value.getClass().getClassLoader();
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not copy state value of " + value.getClass().getName() + ": " + e, e);
        }
    }

    /** Resolves classes with the loader of the user's classes first. */
    public static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        public LoaderObjectInputStream(java.io.InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
