package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlNode;

/** One statement of a script as text, with the line and column of its first token in the script. */
public record ScriptStatement(String text, int line, int column, SourcePosition source) {
    /** Parses this statement; errors give the script's line and column. */
    public SqlNode parse() {
        return RunnelSqlParser.parse(source);
    }
}
