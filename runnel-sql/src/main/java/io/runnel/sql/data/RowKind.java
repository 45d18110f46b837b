package io.runnel.sql.data;

/** What a row of a changelog does to the table it describes, as Flink's RowKind. */
public enum RowKind {
    INSERT("+I"),
    UPDATE_BEFORE("-U"),
    UPDATE_AFTER("+U"),
    DELETE("-D");

    private final String shortString;

    RowKind(String shortString) {
        this.shortString = shortString;
    }

    /** "+I", "-U", "+U" or "-D", as Flink prints changelogs. */
    public String shortString() {
        return shortString;
    }

    /** Whether the row adds to the table (insert or update-after). */
    public boolean accumulates() {
        return this == INSERT || this == UPDATE_AFTER;
    }
}
