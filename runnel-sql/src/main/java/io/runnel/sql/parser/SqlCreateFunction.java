package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA]}. */
public final class SqlCreateFunction extends RunnelSqlStatement {
    private final String name;
    private final String className;
    private final String language;
    private final boolean temporary;
    private final boolean system;
    private final boolean ifNotExists;

    public SqlCreateFunction(String name, String className, String language, boolean temporary, boolean system,
                             boolean ifNotExists) {
        super("CREATE FUNCTION", SqlKind.CREATE_FUNCTION);
        this.name = name;
        this.className = className;
        this.language = language;
        this.temporary = temporary;
        this.system = system;
        this.ifNotExists = ifNotExists;
    }

    public String name() {
        return name;
    }

    public String className() {
        return className;
    }

    /** As written, upper-cased; {@code JAVA} when not written. */
    public String language() {
        return language;
    }

    public boolean temporary() {
        return temporary;
    }

    public boolean system() {
        return system;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public String sql() {
        return "CREATE " + (temporary ? "TEMPORARY " : "") + (system ? "SYSTEM " : "") + "FUNCTION "
                + (ifNotExists ? "IF NOT EXISTS " : "") + CalciteParsing.quoteName(name) + " AS "
                + CalciteParsing.literal(className) + " LANGUAGE " + language;
    }
}
