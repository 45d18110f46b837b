/**
 * Join operators of SQL plans: regular (unbounded) equi-joins over insert-only and updating inputs, lookup joins,
 * event-time interval joins (with the watermark hold after them) and event-time temporal joins against versioned
 * tables.
 */
package io.runnel.sql.exec.join;
