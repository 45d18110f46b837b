package io.runnel.api.graph;

import io.runnel.api.OutputTag;
import java.util.List;

/** The records an operator emitted to one side output. */
public final class SideOutputTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final OutputTag<?> tag;

    public SideOutputTransformation(int id, Transformation input, OutputTag<?> tag) {
        super(id, "side-output:" + tag.id(), List.of(input));
        this.tag = tag;
    }

    public OutputTag<?> tag() {
        return tag;
    }
}
