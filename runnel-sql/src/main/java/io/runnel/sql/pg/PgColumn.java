package io.runnel.sql.pg;

/** A result column as a client sees it: its name and PostgreSQL type. */
record PgColumn(String name, PgType type) {}
