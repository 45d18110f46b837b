package io.runnel.connectors.datagen;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@code generator.map(i)} for every index {@code i} in {@code [0, count)}, or for
 * ever. With parallelism {@code p}, split {@code k} takes the indices {@code k, k + p, ...}.
 *
 * <pre>{@code
 * env.fromSource(DataGeneratorSource.bounded(i -> "event-" + i, 1_000).withRateLimit(100),
 *         WatermarkStrategy.noWatermarks(), "events");
 * }</pre>
 */
public final class DataGeneratorSource<T> implements Source<T, IndexSplit> {
    private static final long serialVersionUID = 1L;
    private final GeneratorFunction<T> generator;
    private final long count;
    private final double recordsPerSecond;

    private DataGeneratorSource(GeneratorFunction<T> generator, long count, double recordsPerSecond) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
    }

    /** The indices {@code 0 .. count - 1}, then end of input. */
    public static <T> DataGeneratorSource<T> bounded(GeneratorFunction<T> generator, long count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative, got " + count);
        return new DataGeneratorSource<>(generator, count, 0);
    }

    /** Every index from 0 on; never ends. Combine with a rate limit to keep it gentle. */
    public static <T> DataGeneratorSource<T> unbounded(GeneratorFunction<T> generator) {
        return new DataGeneratorSource<>(generator, Long.MAX_VALUE, 0);
    }

    /** At most {@code recordsPerSecond} records per second over the whole source (shared evenly by its readers). */
    public DataGeneratorSource<T> withRateLimit(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) throw new IllegalArgumentException("rate must be positive, got " + recordsPerSecond);
        return new DataGeneratorSource<>(generator, count, recordsPerSecond);
    }

    @Override
    public Boundedness boundedness() {
        return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public List<IndexSplit> createSplits(int parallelism) {
        List<IndexSplit> splits = new ArrayList<>(parallelism);
        for (int k = 0; k < parallelism; k++) splits.add(new IndexSplit(k, k, count, parallelism));
        return splits;
    }

    @Override
    public SourceReader<T, IndexSplit> createReader(SourceReaderContext context) {
        RateBudget budget = recordsPerSecond > 0 ? new RateBudget(recordsPerSecond / context.parallelism()) : null;
        return new DataGeneratorReader<>(generator, budget);
    }
}
