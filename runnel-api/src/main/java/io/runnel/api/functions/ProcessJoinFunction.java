package io.runnel.api.functions;

/** Called for each matching pair of an interval join. */
public abstract class ProcessJoinFunction<L, R, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(L left, R right, Context ctx, Collector<O> out) throws Exception;

    /** Timestamps of the pair and of the result. */
    public abstract static class Context {
        public abstract long leftTimestamp();

        public abstract long rightTimestamp();

        /** The result's timestamp: the larger of the two. */
        public abstract long timestamp();
    }
}
