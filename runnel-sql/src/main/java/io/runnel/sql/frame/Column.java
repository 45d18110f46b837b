package io.runnel.sql.frame;

import java.util.Objects;

/**
 * An expression over a frame's columns, rendered as an expression of Flink's SQL dialect. A column carries the name it
 * gets when selected ({@link #as}, or the column's own name, or Spark's name for an aggregate such as {@code count(id)});
 * other expressions without a name get the planner's ({@code EXPR$0}). {@link functions#window} and
 * {@link functions#session_window} are columns too, valid only as a key of {@link DataFrame#groupBy}.
 */
public final class Column {
    final String sql;
    final String name;
    /** The column this is a plain reference to (its last name part), null for any other expression. */
    final String reference;
    final WindowSpec window;

    Column(String sql, String name, String reference, WindowSpec window) {
        this.sql = sql;
        this.name = name;
        this.reference = reference;
        this.window = window;
    }

    static Column expression(String sql) {
        return new Column(sql, null, null, null);
    }

    static Column named(String sql, String name) {
        return new Column(sql, name, null, null);
    }

    static Column of(Object value) {
        return value instanceof Column c ? c : functions.lit(value);
    }

    /** The expression as SQL. */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return name == null ? sql : sql + " AS " + Names.quote(name);
    }

    /** As a SELECT item: the expression, named when it has a name. */
    String selectItem() {
        checkNotWindow("select");
        return name == null || sql.equals("*") || sql.endsWith(".*") ? sql : sql + " AS " + Names.quote(name);
    }

    void checkNotWindow(String op) {
        if (window != null) {
            throw new IllegalArgumentException(op + ": " + window + " is a grouping window; use it only in groupBy(...)");
        }
    }

    public Column as(String alias) {
        checkNotWindow("as");
        return new Column(sql, Objects.requireNonNull(alias), null, null);
    }

    public Column alias(String alias) {
        return as(alias);
    }

    public Column name(String alias) {
        return as(alias);
    }

    private Column binary(String op, Object other) {
        checkNotWindow(op);
        Column o = of(other);
        o.checkNotWindow(op);
        return expression("(" + sql + " " + op + " " + o.sql + ")");
    }

    public Column plus(Object other) {
        return binary("+", other);
    }

    public Column minus(Object other) {
        return binary("-", other);
    }

    public Column multiply(Object other) {
        return binary("*", other);
    }

    public Column divide(Object other) {
        return binary("/", other);
    }

    public Column mod(Object other) {
        checkNotWindow("mod");
        return expression("MOD(" + sql + ", " + of(other).sql + ")");
    }

    public Column gt(Object other) {
        return binary(">", other);
    }

    public Column geq(Object other) {
        return binary(">=", other);
    }

    public Column lt(Object other) {
        return binary("<", other);
    }

    public Column leq(Object other) {
        return binary("<=", other);
    }

    public Column equalTo(Object other) {
        return binary("=", other);
    }

    public Column notEqual(Object other) {
        return binary("<>", other);
    }

    public Column and(Column other) {
        return binary("AND", other);
    }

    public Column or(Column other) {
        return binary("OR", other);
    }

    public Column not() {
        checkNotWindow("not");
        return expression("(NOT " + sql + ")");
    }

    public Column isNull() {
        checkNotWindow("isNull");
        return expression("(" + sql + " IS NULL)");
    }

    public Column isNotNull() {
        checkNotWindow("isNotNull");
        return expression("(" + sql + " IS NOT NULL)");
    }

    /** {@code CAST(this AS type)}, {@code type} a type of Flink's SQL ({@code INT}, {@code STRING}, {@code TIMESTAMP(3)}). */
    public Column cast(String type) {
        checkNotWindow("cast");
        return expression("CAST(" + sql + " AS " + type + ")");
    }

    public Column between(Object lower, Object upper) {
        checkNotWindow("between");
        return expression("(" + sql + " BETWEEN " + of(lower).sql + " AND " + of(upper).sql + ")");
    }

    public Column like(String pattern) {
        checkNotWindow("like");
        return expression("(" + sql + " LIKE " + Names.string(pattern) + ")");
    }

    /** Ascending, for {@link DataFrame#orderBy}. */
    public Column asc() {
        checkNotWindow("asc");
        return expression(sql + " ASC");
    }

    public Column desc() {
        checkNotWindow("desc");
        return expression(sql + " DESC");
    }
}
