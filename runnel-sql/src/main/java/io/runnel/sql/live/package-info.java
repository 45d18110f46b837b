/**
 * Materialized views kept inside the running process: a view's job folds its changelog into a {@link
 * io.runnel.sql.live.ViewTable}, which hands readers immutable snapshots that never show half an update, and {@link
 * io.runnel.sql.live.AdHocQueries} runs ad-hoc SELECTs over those snapshots (Calcite's batch executor), as the
 * PostgreSQL endpoint and the shell serve them.
 */
package io.runnel.sql.live;
