package io.runnel.sql.connect;

import io.runnel.sql.data.Row;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A table a lookup join reads whole ({@code JOIN t FOR SYSTEM_TIME AS OF proctime}): each parallel
 * instance of the join loads all its rows, and loads them again after {@link #reloadInterval()}.
 */
public interface LookupSource extends Serializable {
    /** Every row of the table now: the physical columns in DDL order. */
    List<Row> loadAll() throws Exception;

    /** How long loaded rows are used before the table is read again. */
    Duration reloadInterval();
}
