package io.runnel.api.connector;

import java.io.Serializable;
import java.util.List;

/**
 * A source of records: enumerates its splits and creates readers. Splits are assigned to
 * parallel readers round-robin by index (split {@code i} to reader {@code i % parallelism}).
 */
public interface Source<T, S extends SourceSplit> extends Serializable {
    Boundedness boundedness();

    /** The initial splits for a job whose source runs with {@code parallelism} readers. */
    List<S> createSplits(int parallelism) throws Exception;

    SourceReader<T, S> createReader(SourceReaderContext context) throws Exception;
}
