package io.runnel.connectors.datagen;

import io.runnel.api.connector.SourceSplit;

/**
 * The indices {@code next, next + stride, ...} below {@code end} ({@link Long#MAX_VALUE} when
 * unbounded). A stride rather than a contiguous range, so unbounded generation splits evenly too.
 */
public record IndexSplit(int id, long next, long end, int stride) implements SourceSplit {
    public IndexSplit {
        if (stride < 1) throw new IllegalArgumentException("stride must be at least 1, got " + stride);
    }

    @Override
    public String splitId() {
        return "datagen-" + id;
    }

    public boolean isDone() {
        return next >= end;
    }
}
