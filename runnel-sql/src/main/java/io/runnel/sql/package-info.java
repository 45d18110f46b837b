/**
 * Streaming SQL in Flink's dialect: statements parsed and validated by Apache Calcite (with
 * Runnel's own extension of Calcite's grammar for Flink's DDL), planned onto the same job graph
 * and runtime operators as the DataStream API. No second engine lives here.
 */
package io.runnel.sql;
