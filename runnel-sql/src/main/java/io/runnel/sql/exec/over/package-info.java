/**
 * OVER aggregation of SQL plans: per row, aggregates over the rows before it in its partition's order. On event time
 * over insert-only rows, each row is emitted once when the watermark passes it; otherwise (an updating input, any
 * order) rows are kept sorted and a change updates the rows whose frames it falls in.
 */
package io.runnel.sql.exec.over;
