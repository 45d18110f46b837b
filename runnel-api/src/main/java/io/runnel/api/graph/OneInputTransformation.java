package io.runnel.api.graph;

import io.runnel.api.functions.KeySelector;
import java.util.List;

/** An operator with one input; keyed when {@link #keySelector()} is set. */
public final class OneInputTransformation extends Transformation {
    private static final long serialVersionUID = 1L;
    private final OperatorSpec spec;
    private final KeySelector<?, ?> keySelector;
    private final boolean parallelismOne;

    public OneInputTransformation(int id, String name, Transformation input, OperatorSpec spec,
                                  KeySelector<?, ?> keySelector, boolean parallelismOne) {
        super(id, name, List.of(input));
        this.spec = spec;
        this.keySelector = keySelector;
        this.parallelismOne = parallelismOne;
        if (parallelismOne) setParallelism(1);
    }

    public OperatorSpec spec() {
        return spec;
    }

    public KeySelector<?, ?> keySelector() {
        return keySelector;
    }

    @Override
    public boolean forcesParallelismOne() {
        return parallelismOne;
    }
}
