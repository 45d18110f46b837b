package io.runnel.sql.planner;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * A table with computed or metadata columns reads as a SELECT over what its connector gives, its
 * physical columns then its metadata columns (a hidden table named {@code name$physical}): the
 * planner derives the computed columns' types by validating it and runs it as a calc right after
 * the source, before the watermark.
 */
public final class ComputedColumns {
    private static final SqlDialect BACKTICKS = new CalciteSqlDialect(
            CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString("`"));

    private ComputedColumns() {}

    public static boolean has(TableDef def) {
        return def.columns().stream().anyMatch(c -> c.isComputed() || c.isMetadata());
    }

    public static String physicalTable(TableDef def) {
        return def.name() + "$physical";
    }

    /** The name the user gave the table of {@code name}, its physical part's included. */
    static String userName(String name) {
        return name.endsWith("$physical") ? name.substring(0, name.length() - "$physical".length()) : name;
    }

    /** The physical part of the table, without watermark: what the connector reads, physical columns then metadata ones. */
    static TableDef physicalPart(TableDef def) {
        List<ColumnDef> read = new java.util.ArrayList<>(def.columns().stream().filter(ColumnDef::isPhysical).toList());
        read.addAll(def.columns().stream().filter(ColumnDef::isMetadata).toList());
        return new TableDef(physicalTable(def), read, null, def.primaryKey(), def.options(), true, null);
    }

    /** The SELECT giving the table's columns in DDL order from its physical part. */
    public static String select(TableDef def) {
        return "SELECT " + def.columns().stream().map(c -> c.isComputed()
                ? "(" + c.expression().toSqlString(BACKTICKS).getSql() + ") AS `" + c.name() + "`"
                : "`" + c.name() + "`").collect(Collectors.joining(", ")) + " FROM `" + physicalTable(def) + "`";
    }
}
