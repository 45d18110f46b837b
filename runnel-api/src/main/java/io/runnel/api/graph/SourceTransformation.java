package io.runnel.api.graph;

import io.runnel.api.connector.Source;
import io.runnel.api.time.WatermarkStrategy;
import java.util.List;

/** Reads a source and applies a watermark strategy per split. */
public final class SourceTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final Source<?, ?> source;
    private final WatermarkStrategy<?> watermarks;

    public SourceTransformation(int id, String name, Source<?, ?> source, WatermarkStrategy<?> watermarks) {
        super(id, name, List.of());
        this.source = source;
        this.watermarks = watermarks;
    }

    public Source<?, ?> source() {
        return source;
    }

    public WatermarkStrategy<?> watermarks() {
        return watermarks;
    }
}
