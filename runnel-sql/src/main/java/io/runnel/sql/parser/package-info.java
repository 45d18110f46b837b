/**
 * The SQL front end: splits a script into statements and parses each into a Calcite {@link org.apache.calcite.sql.SqlNode}.
 * The parser ({@code io.runnel.sql.parser.impl.RunnelSqlParserImpl}) is generated at build time from Calcite's own
 * grammar templates by FMPP and JavaCC, with Runnel's productions for Flink's DDL and client statements
 * ({@code src/main/codegen}: config.fmpp, includes/parserImpls.ftl). It reads queries and INSERT as Calcite does, with
 * Flink's lexical rules (back-tick quoting, identifiers kept as written and case-sensitive), and CREATE
 * TABLE/VIEW/FUNCTION, DROP, SET, RESET, SHOW, DESCRIBE, statement sets and EXPLAIN into this package's nodes.
 */
package io.runnel.sql.parser;
