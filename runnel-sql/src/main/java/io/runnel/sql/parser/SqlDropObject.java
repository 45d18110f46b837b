package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code DROP [TEMPORARY] TABLE|VIEW|FUNCTION [IF EXISTS] name}. */
public final class SqlDropObject extends RunnelSqlStatement {
    /** What a DROP removes. */
    public enum ObjectKind { TABLE, VIEW, MATERIALIZED_VIEW, FUNCTION }

    private final ObjectKind objectKind;
    private final String name;
    private final boolean ifExists;
    private final boolean temporary;

    public SqlDropObject(ObjectKind objectKind, String name, boolean ifExists, boolean temporary) {
        super("DROP " + objectKind.name().replace('_', ' '), switch (objectKind) {
            case TABLE -> SqlKind.DROP_TABLE;
            case VIEW -> SqlKind.DROP_VIEW;
            case MATERIALIZED_VIEW -> SqlKind.DROP_MATERIALIZED_VIEW;
            case FUNCTION -> SqlKind.DROP_FUNCTION;
        });
        this.objectKind = objectKind;
        this.name = name;
        this.ifExists = ifExists;
        this.temporary = temporary;
    }

    public ObjectKind objectKind() {
        return objectKind;
    }

    public String name() {
        return name;
    }

    public boolean ifExists() {
        return ifExists;
    }

    public boolean temporary() {
        return temporary;
    }

    @Override
    public String sql() {
        return "DROP " + (temporary ? "TEMPORARY " : "") + objectKind.name().replace('_', ' ') + " "
                + (ifExists ? "IF EXISTS " : "") + CalciteParsing.quoteName(name);
    }
}
