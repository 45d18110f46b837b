/**
 * Late rows of SQL plans: the rows an event-time operator (window aggregation, event-time OVER, temporal sort) can no
 * longer place because the watermark passed their time. Operators put them on one side output; the planner counts
 * them, logs them, and writes them to the table {@code table.exec.late-rows.sink} names, if any.
 */
package io.runnel.sql.exec.late;
