/**
 * The SQL planner: registered tables as a Calcite schema, parsing and validation of queries,
 * rule-based optimization, and translation of the optimized relational tree onto the DataStream API.
 */
package io.runnel.sql.planner;
