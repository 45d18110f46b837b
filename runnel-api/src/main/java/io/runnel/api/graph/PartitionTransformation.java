package io.runnel.api.graph;

import io.runnel.api.functions.KeySelector;
import java.util.List;

/** Changes how records are distributed to the next operator; no operator of its own. */
public final class PartitionTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final Partitioning partitioning;
    private final KeySelector<?, ?> keySelector;

    public PartitionTransformation(int id, Transformation input, Partitioning partitioning, KeySelector<?, ?> keySelector) {
        super(id, partitioning.name().toLowerCase(), List.of(input));
        this.partitioning = partitioning;
        this.keySelector = keySelector;
        if ((partitioning == Partitioning.HASH) != (keySelector != null)) {
            throw new IllegalArgumentException("a key selector goes with HASH partitioning only");
        }
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    public KeySelector<?, ?> keySelector() {
        return keySelector;
    }
}
