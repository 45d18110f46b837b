package io.runnel.runtime.execution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Copies serializable objects by Java serialization: each subtask gets its own copy of the user
 * functions, as it would on a remote worker. Fails clearly on a function that is not serializable.
 */
final class Copies {
    private Copies() {}

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("a function or source/sink of the job is not serializable: " + e.getMessage()
                    + " (user functions must be Serializable and capture only serializable values)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("could not serialize " + value + ": " + e, e);
        }
        ClassLoader loader = value.getClass().getClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader == null ? Thread.currentThread().getContextClassLoader() : loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("could not copy " + value + ": " + e, e);
        }
    }
}
