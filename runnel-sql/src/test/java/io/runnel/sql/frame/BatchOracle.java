package io.runnel.sql.frame;

import io.runnel.sql.oracle.CalciteBatch;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.linq4j.Enumerable;

/**
 * The kit's tables run by Calcite's own batch executor (Enumerable): what a query over the finite input must give,
 * independent of Runnel's planner and operators. Types come from the catalog the streaming side declares.
 */
final class BatchOracle {
    private static final Pattern ORDER = Pattern.compile(
            "\\{\"id\":(\\d+),\"product\":\"(\\w+)\",\"amount\":(\\d+),\"ts\":\"([^\"]+)\"}");
    private static final Pattern SHIPMENT = Pattern.compile("\\{\"order_id\":(\\d+),\"carrier\":\"(\\w+)\",\"ts\":\"([^\"]+)\"}");

    private BatchOracle() {}

    static List<Row> rows(FrameTestKit kit, String query) throws Exception {
        SqlEnvironment types = SqlEnvironment.create(StreamEnvironment.create());
        kit.declare(types);
        return CalciteBatch.run(Map.of("orders", new CalciteBatch.Table(types.rowType("SELECT * FROM orders"), orders()),
                "shipments", new CalciteBatch.Table(types.rowType("SELECT * FROM shipments"), shipments()),
                "products", new CalciteBatch.Table(types.rowType("SELECT * FROM products"), products())), query);
    }

    private static List<Object[]> orders() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.ORDERS) {
            Matcher m = matched(ORDER, line);
            out.add(new Object[] {Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)), millis(m.group(4))});
        }
        return out;
    }

    private static List<Object[]> shipments() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.SHIPMENTS) {
            Matcher m = matched(SHIPMENT, line);
            out.add(new Object[] {Integer.parseInt(m.group(1)), m.group(2), millis(m.group(3))});
        }
        return out;
    }

    private static List<Object[]> products() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.PRODUCTS) {
            String[] f = line.split(",");
            out.add(new Object[] {f[0], f[1], Double.parseDouble(f[2])});
        }
        return out;
    }

    private static Matcher matched(Pattern p, String line) {
        Matcher m = p.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("the oracle cannot read " + line);
        }
        return m;
    }

    private static long millis(String ts) {
        return FrameTestKit.ts(ts.substring("2026-12-05 ".length()));
    }
}
