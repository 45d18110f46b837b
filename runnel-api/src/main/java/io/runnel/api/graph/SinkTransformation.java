package io.runnel.api.graph;

import io.runnel.api.connector.Sink;
import java.util.List;

/** Writes a stream to a sink. */
public final class SinkTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final Sink<?> sink;

    public SinkTransformation(int id, String name, Transformation input, Sink<?> sink) {
        super(id, name, List.of(input));
        this.sink = sink;
    }

    public Sink<?> sink() {
        return sink;
    }
}
