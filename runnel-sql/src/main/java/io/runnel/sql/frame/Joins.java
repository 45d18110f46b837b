package io.runnel.sql.frame;

import java.util.List;

/**
 * Joins as SQL joins of the two frames' queries, each side under its alias so conditions written with
 * {@link DataFrame#col} resolve. Whether the planner runs a regular, an interval or a window join it decides from the
 * condition and the inputs, as for SQL.
 */
final class Joins {
    private Joins() {}

    static DataFrame on(DataFrame left, DataFrame right, Column condition, JoinType type) {
        checkAliases(left, right);
        return DataFrame.join(left.session, left.session.newName("join"), kept(left, type),
                () -> sides(left, right, type) + " ON " + condition.sql);
    }

    static DataFrame using(DataFrame left, DataFrame right, List<String> columns, JoinType type) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("join: name the columns to join on, or give a condition");
        }
        checkAliases(left, right);
        return DataFrame.join(left.session, left.session.newName("join"), kept(left, type),
                () -> sides(left, right, type) + " USING (" + Names.quoteAll(columns) + ")");
    }

    private static String sides(DataFrame left, DataFrame right, JoinType type) {
        return "(" + left.subquery() + ") AS " + Names.quote(left.alias) + " " + type.sql + " (" + right.subquery() + ") AS "
                + Names.quote(right.alias);
    }

    private static void checkAliases(DataFrame left, DataFrame right) {
        if (left.session != right.session) {
            throw new IllegalArgumentException("join: the frames belong to different sessions (catalogs)");
        }
        if (left.alias.equals(right.alias)) {
            throw new IllegalArgumentException("join: both sides are named " + Names.quote(left.alias)
                    + "; name one side another way with as(\"...\") to tell their columns apart");
        }
    }

    /** An interval join keeps the left's event time (inner and left outer); the planner decides the rest. */
    private static Watermark kept(DataFrame left, JoinType type) {
        return type == JoinType.INNER || type == JoinType.LEFT_OUTER ? left.watermark : null;
    }
}
