/**
 * The parser generated at build time (FMPP, then JavaCC) from Calcite's Parser.jj and Runnel's productions in
 * {@code runnel-sql/src/main/codegen}; use it through {@code io.runnel.sql.parser.RunnelSqlParser}, or give
 * {@code RunnelSqlParserImpl.FACTORY} to a Calcite {@code SqlParser.Config}.
 */
package io.runnel.sql.parser.impl;
