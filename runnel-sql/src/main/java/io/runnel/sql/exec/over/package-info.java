/** OVER aggregation of SQL plans: per row, aggregates over the rows before it in event-time order. */
package io.runnel.sql.exec.over;
