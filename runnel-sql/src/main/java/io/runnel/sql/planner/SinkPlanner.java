package io.runnel.sql.planner;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.connect.TableConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * {@code INSERT INTO table query}: the query's columns cast to the table's where their types differ (as Flink's
 * implicit insert casts), a check that the sink takes the changes the query produces, then the connector's sink.
 */
final class SinkPlanner {
    /** A sink table's Structured Streaming output mode: append, update or complete (Spark's semantics). */
    static final String OUTPUT_MODE = "output-mode";

    private SinkPlanner() {}

    /**
     * An INSERT into a table with an {@code 'output-mode'}, checked by Spark's rules. A {@code print} table prints
     * each trigger's rows as Spark's console sink does: the job's checkpoints are the triggers (every
     * {@code execution.checkpointing.interval}) and the end of the input is the last one; without checkpoints, append
     * and update rows print as they come and a complete result prints once, at the end of the input. Another
     * connector takes append mode (its rows as they come) and, when it takes changes, update mode (its changelog:
     * upserts). Returns null when the connector's own sink is to write the rows.
     */
    private static PlannedQuery inMode(String table, TableDef def, io.runnel.sql.stream.OutputMode mode, RelNode rel, PlannedQuery planned,
                                       StreamEnvironment env, TableConnector connector, java.util.Map<String, String> options) {
        OutputModeRules.check(mode, OutputModeRules.aggregates(rel), planned.mode().isUpdating() ? planned.updatingOperator() : null);
        if (def.connector().equals("print")) {
            boolean continuous = !env.getCheckpointConfig().enabled();
            String id = java.util.UUID.randomUUID().toString();
            List<String> columns = def.columns().stream().filter(ColumnDef::isPhysical).map(ColumnDef::name).toList();
            io.runnel.sql.stream.StreamOutputs.register(id, io.runnel.sql.stream.StreamOutputs.console(System.out, columns, 20, true));
            int[] key = planned.mode().insertOnly() ? new int[0] : planned.mode().upsertKey();
            planned.stream().sinkTo(io.runnel.sql.stream.StreamOutputs.sink(id, mode, key,
                            continuous && mode != io.runnel.sql.stream.OutputMode.COMPLETE, columns))
                    .name("print " + table + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")").setParallelism(1);
            return planned;
        }
        if (mode == io.runnel.sql.stream.OutputMode.COMPLETE || mode == io.runnel.sql.stream.OutputMode.UPDATE && !connector.acceptsChanges(options)) {
            throw new IllegalArgumentException("INSERT INTO " + table + ": Data source " + def.connector() + " does not support "
                    + (mode == io.runnel.sql.stream.OutputMode.COMPLETE ? "Complete" : "Update") + " output mode"
                    + (connector.acceptsChanges(options) ? " (use update mode: the connector takes upserts)" : " (use append mode)"));
        }
        return null;
    }

    static PlannedQuery insert(QueryPlanner queries, String table, org.apache.calcite.sql.SqlNode query, StreamEnvironment env) {
        DefTable target = queries.planner().table(table);
        if (target == null) {
            throw new SqlPlanningException("INSERT INTO " + table + ": no such table");
        }
        if (target.isView()) {
            throw new SqlPlanningException("INSERT INTO " + table + ": it is a view; only tables can be written to");
        }
        TableDef def = target.def();
        TableConnector connector = sinkConnector(def);
        TableTypes.checkMetadata(def, connector);
        RelDataType targetType = persisted(def, target.getRowType(null), queries.planner().typeFactory());
        RelNode rel = physicalFirst(def, castTo(table, targetType, queries.planner().plan(query)));
        PlannedQuery planned = queries.translate(rel, env);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(def.options());
        String outputMode = options.remove(OUTPUT_MODE);
        if (outputMode != null) {
            PlannedQuery printed = inMode(table, def, io.runnel.sql.stream.OutputMode.of(outputMode), rel, planned, env, connector, options);
            if (printed != null) {
                return printed;
            }
        }
        if (planned.mode().isUpdating() && !connector.acceptsChanges(options)) {
            throw new SqlPlanningException("INSERT INTO " + table + ": connector '" + def.connector()
                    + "' takes only inserts, but the query updates rows it emitted before (" + planned.updatingOperator()
                    + " produces updates). Write into a table whose connector takes changes (upsert-kafka, print, blackhole),"
                    + " or make the query insert-only, e.g. a window aggregation instead of a plain GROUP BY.");
        }
        List<String> metadata = def.columns().stream().filter(c -> c.isMetadata() && !c.virtual()).map(ColumnDef::metadataKey).toList();
        // named as the table's columns, not the query's
        RelDataType physical = queries.planner().typeFactory().createStructType(targetType.getFieldList().stream()
                .filter(f -> def.columns().stream().anyMatch(c -> c.isPhysical() && c.name().equals(f.getName()))).toList());
        connector.sink(planned.stream(), new TableConnector.SinkRequest(def.name(), physical, metadata,
                TableTypes.physicalPrimaryKey(def), options, planned.mode().isUpdating()));
        return planned;
    }

    /**
     * The columns an INSERT writes, in DDL order: physical and non-virtual metadata columns; computed and virtual
     * metadata columns are derived on reading and never written (as Flink).
     */
    private static RelDataType persisted(TableDef def, RelDataType full, org.apache.calcite.rel.type.RelDataTypeFactory types) {
        if (def.columns().stream().allMatch(ColumnDef::isPhysical)) {
            return full;
        }
        var b = types.builder();
        for (ColumnDef c : def.columns()) {
            if (c.isPhysical() || c.isMetadata() && !c.virtual()) {
                b.add(full.getField(c.name(), true, false));
            }
        }
        return b.build();
    }

    /** The written columns reordered as a sink takes them: physical ones, then metadata ones. */
    private static RelNode physicalFirst(TableDef def, RelNode rel) {
        List<ColumnDef> written = def.columns().stream().filter(c -> c.isPhysical() || c.isMetadata() && !c.virtual()).toList();
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < written.size(); i++) {
                if (written.get(i).isPhysical() == (pass == 0)) {
                    order.add(i);
                }
            }
        }
        boolean identity = true;
        for (int i = 0; i < order.size(); i++) {
            identity &= order.get(i) == i;
        }
        if (identity) {
            return rel;
        }
        RelBuilder b = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(rel.getCluster(), null).push(rel);
        return SqlPlanner.optimize(b.project(order.stream().map(b::field).toList()).build());
    }

    static TableConnector sinkConnector(TableDef def) {
        String id = def.connector();
        if (id == null) {
            throw new SqlPlanningException("table " + def.name() + " has no 'connector' option");
        }
        for (TableConnector c : ServiceLoader.load(TableConnector.class)) {
            if (c.identifier().equals(id)) {
                if (!c.isSink()) {
                    throw new SqlPlanningException("INSERT INTO " + def.name() + ": connector '" + id + "' cannot be written to");
                }
                return c;
            }
        }
        throw new SqlPlanningException("table " + def.name() + ": no connector '" + id + "' on the classpath");
    }

    /** The query's rows as the target's columns: same count, each cast where its type differs. */
    private static RelNode castTo(String table, RelDataType target, RelNode rel) {
        List<RelDataTypeField> from = rel.getRowType().getFieldList();
        List<RelDataTypeField> to = target.getFieldList();
        if (from.size() != to.size()) {
            throw new SqlPlanningException("INSERT INTO " + table + ": the query gives " + from.size()
                    + " columns but the table has " + to.size() + " (" + String.join(", ", target.getFieldNames()) + ")");
        }
        RexBuilder rex = rel.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        boolean cast = false;
        for (int i = 0; i < to.size(); i++) {
            RelDataType f = from.get(i).getType();
            RelDataType t = to.get(i).getType();
            RexNode ref = rex.makeInputRef(rel, i);
            if (SqlTypeUtil.equalSansNullability(rel.getCluster().getTypeFactory(), f, t)) {
                projects.add(ref);
                continue;
            }
            if (!SqlTypeUtil.canCastFrom(t, f, true)) {
                throw new SqlPlanningException("INSERT INTO " + table + ": column " + (i + 1) + " (" + to.get(i).getName()
                        + ") is " + t.getFullTypeString() + " but the query gives " + f.getFullTypeString());
            }
            projects.add(rex.makeCast(t, ref, true, false));
            cast = true;
        }
        if (!cast) {
            return rel;
        }
        RelNode projected = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(rel.getCluster(), null)
                .push(rel).project(projects, target.getFieldNames(), true).build();
        return SqlPlanner.optimize(projected);
    }
}
