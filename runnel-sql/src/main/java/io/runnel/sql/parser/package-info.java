/**
 * The SQL front end: splits a script into statements and parses each into a Calcite {@link org.apache.calcite.sql.SqlNode}.
 * Queries and INSERT go to Calcite's stock parser configured with Flink's lexical rules (back-tick quoting, identifiers
 * kept as written and case-sensitive); Flink's DDL and client statements (CREATE TABLE/VIEW/FUNCTION, DROP, SET, RESET,
 * SHOW, DESCRIBE, statement sets, EXPLAIN) are read by a small recursive-descent front parser into this package's nodes,
 * which hand their expressions and queries to Calcite's parser too.
 */
package io.runnel.sql.parser;
