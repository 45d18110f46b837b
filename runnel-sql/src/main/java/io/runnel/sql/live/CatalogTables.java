package io.runnel.sql.live;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** The catalog's tables (not its views) as ad-hoc queries read them: whole, as they are now. */
public interface CatalogTables {
    /** The tables' names. */
    List<String> names();

    RelDataType rowType(String table);

    /** Every row of {@code table} now, in Calcite's internal representation. */
    List<Object[]> rows(String table) throws Exception;
}
