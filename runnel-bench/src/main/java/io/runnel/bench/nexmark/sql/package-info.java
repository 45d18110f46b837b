/**
 * Nexmark in SQL: the queries of the nexmark/nexmark repository in Flink's dialect (bundled as resources), run over
 * the {@code bid}, {@code person} and {@code auction} tables of the nexmark connector, their results written as
 * JSON lines or measured as the DataStream versions are.
 */
package io.runnel.bench.nexmark.sql;
