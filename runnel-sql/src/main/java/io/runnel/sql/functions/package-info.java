/**
 * Functions beyond Calcite's standard ones: Flink's built-ins that Nexmark and most Flink SQL use, and the
 * registration of user-defined scalar functions from {@code CREATE FUNCTION}.
 */
package io.runnel.sql.functions;
