package io.runnel.api;

import java.io.Serializable;
import java.util.Objects;

/** Names a side output. Tags are equal when their ids are. */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;

    public OutputTag(String id) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an output tag needs a non-empty id");
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
