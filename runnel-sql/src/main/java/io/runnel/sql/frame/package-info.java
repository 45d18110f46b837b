/**
 * A DataFrame-style Table API in Spark Structured Streaming's shape ({@code readStream}, {@code select},
 * {@code groupBy(window(...))}, {@code withWatermark}, {@code dropDuplicates}, joins, {@code writeStream}) over the
 * catalog of one {@link io.runnel.sql.SqlEnvironment}.
 *
 * <p>A {@link io.runnel.sql.frame.DataFrame} is a query in Flink's SQL dialect; each operation nests its input as a
 * subquery. Nothing is planned until the frame is written, explained or asked for its schema, and then it goes
 * through the same planner as any SQL query: there is no second translator, so a frame and the SQL it renders
 * ({@link io.runnel.sql.frame.DataFrame#sql()}) run as the same operators.
 */
package io.runnel.sql.frame;
