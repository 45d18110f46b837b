package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlNode;

/** A statement of a script, parsed; {@code line} is where its first token is in the script (1-based). */
public record ParsedStatement(SqlNode node, String text, int line) {}
