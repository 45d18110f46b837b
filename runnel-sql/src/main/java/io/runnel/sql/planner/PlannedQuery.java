package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A query translated onto a job: its rows, their type (column names and SQL types), the kinds of rows it emits and,
 * when it emits updates, the operator that first produces them (for errors naming it).
 */
public record PlannedQuery(DataStream<Row> stream, RelDataType rowType, ChangelogMode mode, String updatingOperator) {}
