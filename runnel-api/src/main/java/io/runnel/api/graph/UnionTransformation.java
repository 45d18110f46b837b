package io.runnel.api.graph;

import java.util.List;

/** Merges streams of the same type; no operator of its own. */
public final class UnionTransformation extends Transformation {
    private static final long serialVersionUID = 1L;

    public UnionTransformation(int id, List<Transformation> inputs) {
        super(id, "union", inputs);
    }
}
