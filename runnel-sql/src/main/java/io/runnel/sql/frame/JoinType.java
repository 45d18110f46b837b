package io.runnel.sql.frame;

import java.util.Locale;

/** Spark's join type names, and the SQL each becomes. */
enum JoinType {
    INNER("JOIN"), LEFT_OUTER("LEFT JOIN"), RIGHT_OUTER("RIGHT JOIN"), FULL_OUTER("FULL JOIN");

    final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    static JoinType of(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> INNER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "full", "outer", "fullouter" -> FULL_OUTER;
            case "cross", "semi", "leftsemi", "anti", "leftanti" -> throw new IllegalArgumentException("join type '" + name
                    + "' is not supported (the planner needs an equality between the sides; semi and anti joins are not yet"
                    + " offered): use inner, left_outer, right_outer or full_outer");
            default -> throw new IllegalArgumentException("unknown join type '" + name
                    + "': use inner, left_outer, right_outer or full_outer");
        };
    }
}
