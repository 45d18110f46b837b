package io.runnel.api.graph;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A node of the logical job graph: what produces a stream, from which inputs. */
public abstract class Transformation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final List<Transformation> inputs;
    private String name;
    private String uid;
    private int parallelism = -1;

    protected Transformation(int id, String name, List<Transformation> inputs) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.inputs = List.copyOf(inputs);
    }

    public int id() {
        return id;
    }

    public List<Transformation> inputs() {
        return inputs;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A stable identifier to match state in savepoints; null when not set. */
    public String uid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = Objects.requireNonNull(uid, "uid");
    }

    /** The parallelism set on this node, or -1 for the environment's default. */
    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism + " for " + name);
        this.parallelism = parallelism;
    }

    /** True for nodes that must run with parallelism 1 (non-keyed windows). */
    public boolean forcesParallelismOne() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id + "(" + name + ")";
    }
}
