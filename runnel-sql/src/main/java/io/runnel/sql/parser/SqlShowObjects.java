package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code SHOW TABLES}, {@code SHOW VIEWS} or {@code SHOW FUNCTIONS}. */
public final class SqlShowObjects extends RunnelSqlStatement {
    /** What a SHOW lists. */
    public enum Listing { TABLES, VIEWS, FUNCTIONS }

    private final Listing listing;

    public SqlShowObjects(Listing listing) {
        super("SHOW " + listing, SqlKind.OTHER);
        this.listing = listing;
    }

    public Listing listing() {
        return listing;
    }

    @Override
    public String sql() {
        return "SHOW " + listing;
    }
}
