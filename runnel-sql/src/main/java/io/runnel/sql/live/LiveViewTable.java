package io.runnel.sql.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A materialized view as a table of Calcite's batch executor. Each scan reads the snapshot its query pinned, so
 * every reference to the view within one query sees the same rows. A filter that fixes every key column to a value
 * becomes a lookup of one row instead of a scan.
 */
final class LiveViewTable extends AbstractTable implements ProjectableFilterableTable {
    private final LiveView view;
    private final Function<LiveView, ViewSnapshot> pinned;

    LiveViewTable(LiveView view, Function<LiveView, ViewSnapshot> pinned) {
        this.view = view;
        this.pinned = pinned;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.copyType(view.rowType());
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        ViewSnapshot snapshot = pinned.apply(view);
        int[] key = view.key();
        if (key.length > 0) {
            Object[] values = keyValues(root, filters, key);
            if (values != null) {
                Object[] row = snapshot.lookup(values);
                return Linq4j.asEnumerable(row == null ? List.<Object[]>of() : List.<Object[]>of(project(row, projects)));
            }
        }
        if (projects == null) {
            return Linq4j.asEnumerable(snapshot);
        }
        return Linq4j.asEnumerable(() -> {
            Iterator<Object[]> rows = snapshot.iterator();
            return new Iterator<Object[]>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Object[] next() {
                    return project(rows.next(), projects);
                }
            };
        });
    }

    private static Object[] project(Object[] row, int[] projects) {
        if (projects == null) {
            return row;
        }
        Object[] out = new Object[projects.length];
        for (int i = 0; i < projects.length; i++) {
            out[i] = row[projects[i]];
        }
        return out;
    }

    /**
     * The value of each key column when {@code filters} hold a {@code column = value} for every one of them; those
     * filters are taken out of the list (the lookup applies them). Null when the filters do not fix the key.
     */
    private Object[] keyValues(DataContext root, List<RexNode> filters, int[] key) {
        Object[] values = new Object[key.length];
        boolean[] found = new boolean[key.length];
        List<RexNode> used = new ArrayList<>();
        for (RexNode f : filters) {
            if (!(f instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
                continue;
            }
            RexNode a = call.getOperands().get(0);
            RexNode b = call.getOperands().get(1);
            if (!(a instanceof RexInputRef)) {
                RexNode t = a;
                a = b;
                b = t;
            }
            if (!(a instanceof RexInputRef ref)) {
                continue;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] == ref.getIndex() && !found[i]) {
                    SqlTypeName type = view.rowType().getFieldList().get(key[i]).getType().getSqlTypeName();
                    Object v = value(root, b, type);
                    if (v != null) {
                        values[i] = v;
                        found[i] = true;
                        used.add(f);
                    }
                }
            }
        }
        for (boolean b : found) {
            if (!b) {
                return null;
            }
        }
        filters.removeAll(used);
        return values;
    }

    /** The value of a literal or a bound parameter as the column holds it, or null when it cannot be matched. */
    private static Object value(DataContext root, RexNode node, SqlTypeName type) {
        Object v;
        if (node instanceof RexLiteral lit) {
            v = switch (type) {
                case CHAR, VARCHAR -> lit.getValueAs(String.class);
                case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> lit.getValueAs(Long.class);
                default -> lit.getValueAs(BigDecimal.class) != null ? lit.getValueAs(BigDecimal.class) : lit.getValue2();
            };
        } else if (node instanceof RexDynamicParam p) {
            v = root.get(p.getName());
        } else {
            return null;
        }
        return convert(v, type);
    }

    private static Object convert(Object v, SqlTypeName type) {
        if (v == null) {
            return null;
        }
        try {
            return switch (type) {
                case BIGINT -> v instanceof Number n ? (Object) new BigDecimal(n.toString()).longValueExact() : null;
                case INTEGER -> v instanceof Number n ? (Object) new BigDecimal(n.toString()).intValueExact() : null;
                case SMALLINT -> v instanceof Number n ? (Object) new BigDecimal(n.toString()).shortValueExact() : null;
                case TINYINT -> v instanceof Number n ? (Object) new BigDecimal(n.toString()).byteValueExact() : null;
                case CHAR, VARCHAR -> v instanceof String s ? s : v.toString();
                case BOOLEAN -> v instanceof Boolean ? v : null;
                case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> v instanceof Long ? v : v instanceof java.sql.Timestamp t ? t.getTime() : null;
                default -> null; // other key types are scanned
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return null; // a value the column cannot hold: let the filter decide (it matches nothing)
        }
    }
}
