/**
 * ORDER BY and LIMIT of SQL plans without a partition: sorting by the event-time attribute as the watermark passes,
 * and LIMIT/OFFSET over an insert-only stream. ORDER BY ... LIMIT runs as a Top-N of one partition (see the rank
 * package).
 */
package io.runnel.sql.exec.sort;
