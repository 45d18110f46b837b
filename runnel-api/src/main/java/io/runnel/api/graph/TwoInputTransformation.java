package io.runnel.api.graph;

import io.runnel.api.functions.KeySelector;
import java.util.List;

/** An operator with two inputs (connected streams, joins); keyed when both key selectors are set. */
public final class TwoInputTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final OperatorSpec spec;
    private final KeySelector<?, ?> keySelector1;
    private final KeySelector<?, ?> keySelector2;

    public TwoInputTransformation(int id, String name, Transformation input1, Transformation input2, OperatorSpec spec,
                                  KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2) {
        super(id, name, List.of(input1, input2));
        this.spec = spec;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    public OperatorSpec spec() {
        return spec;
    }

    public KeySelector<?, ?> keySelector1() {
        return keySelector1;
    }

    public KeySelector<?, ?> keySelector2() {
        return keySelector2;
    }
}
