package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.RowtimeAssigner;
import java.time.Duration;
import io.runnel.api.graph.Transformation;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/** Translates an optimized relational tree onto the DataStream API, operator by operator. */
final class StreamTranslator {
    private final StreamEnvironment env;

    private final PlannerOptions options;

    StreamTranslator(StreamEnvironment env) {
        this(env, PlannerOptions.none());
    }

    StreamTranslator(StreamEnvironment env, PlannerOptions options) {
        this.env = env;
        this.options = options;
    }

    /** The job the query is translated onto. */
    StreamEnvironment env() {
        return env;
    }

    /** The options of the query being translated (state TTL, ...). */
    PlannerOptions options() {
        return options;
    }

    /** The changelog mode of each operator translated, for EXPLAIN. */
    private final Map<Transformation, ChangelogMode> modes = new IdentityHashMap<>();

    Map<Transformation, ChangelogMode> modes() {
        return modes;
    }

    /** Subtrees translated so far by digest: a subtree a query reads twice (Nexmark q5's counts) runs once. */
    private final Map<String, Translated> translated = new java.util.HashMap<>();

    Translated translate(RelNode rel) {
        String digest = rel.getDigest();
        Translated done = translated.get(digest);
        if (done != null) {
            return done;
        }
        Translated t = dispatch(rel);
        modes.put(t.stream().transformation(), t.mode());
        translated.put(digest, t);
        return t;
    }

    /** The late rows of the operators translated so far, each described as a late-rows table row. */
    private final List<DataStream<Row>> lateRows = new java.util.ArrayList<>();

    /**
     * Collects the late rows {@code operator} puts on {@link io.runnel.sql.exec.late.LateRows#TAG}; {@code inputType}
     * describes the rows it takes, {@code placeholders} its columns to leave out (window columns a window operator
     * fills in, null until then).
     */
    void lateRowsOf(DataStream<Row> operator, RelDataType inputType, int... placeholders) {
        lateRowsOf(io.runnel.sql.exec.late.LateRows.TAG, operator, inputType, placeholders);
    }

    /** As {@link #lateRowsOf(DataStream, RelDataType, int...)}, the rows on {@code tag} (a second input's). */
    void lateRowsOf(io.runnel.api.OutputTag<Row> tag, DataStream<Row> operator, RelDataType inputType, int... placeholders) {
        String name = operator.transformation().name();
        List<org.apache.calcite.rel.type.RelDataTypeField> shown = inputType.getFieldList().stream()
                .filter(f -> java.util.Arrays.stream(placeholders).noneMatch(p -> p == f.getIndex())).toList();
        int[] columns = shown.stream().mapToInt(org.apache.calcite.rel.type.RelDataTypeField::getIndex).toArray();
        RelDataType shownType = new org.apache.calcite.jdbc.JavaTypeFactoryImpl().createStructType(shown);
        lateRows.add(operator.getSideOutput(tag)
                .process(new io.runnel.sql.exec.late.LateRowDescriber(name, shownType, columns)).name("late rows of " + name));
    }

    List<DataStream<Row>> lateRows() {
        return lateRows;
    }

    /** Records the changelog mode of an operator inside a translated subtree, for EXPLAIN. */
    void markMode(DataStream<Row> stream, ChangelogMode mode) {
        modes.put(stream.transformation(), mode);
    }

    private Translated dispatch(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan);
        }
        if (rel instanceof Calc calc) {
            return calc(calc);
        }
        if (rel instanceof Aggregate agg && GroupingSets.applies(agg)) {
            return translate(GroupingSets.expand(agg));
        }
        if (rel instanceof Aggregate agg) {
            return new WindowAggTranslator(this).translate(agg);
        }
        if (rel instanceof org.apache.calcite.rel.core.Join join) {
            return new JoinTranslator(this).translate(join);
        }
        if (rel instanceof org.apache.calcite.rel.core.Window w && !RankTranslator.isRowNumber(w)) {
            return new OverTranslator(this).translate(w);
        }
        if (rel instanceof org.apache.calcite.rel.core.Correlate correlate && TableFunctionTranslator.function(correlate) != null) {
            return new TableFunctionTranslator(this).translate(correlate, TableFunctionTranslator.function(correlate));
        }
        if (rel instanceof org.apache.calcite.rel.core.Correlate correlate) {
            return new LookupJoinTranslator(this).translate(correlate);
        }
        if (rel instanceof TableFunctionScan tvf) {
            return new WindowTableTranslator(this).translate(tvf);
        }
        if (rel instanceof org.apache.calcite.rel.core.Union union) {
            return new UnionTranslator(this).translate(union);
        }
        if (rel instanceof org.apache.calcite.rel.core.Sort sort) {
            return new SortTranslator(this).translate(sort);
        }
        if (rel instanceof org.apache.calcite.rel.core.Values values) {
            return new ValuesTranslator(env).translate(values);
        }
        if (rel instanceof org.apache.calcite.rel.core.SetOp setOp) {
            throw new SqlPlanningException(setOp.kind + " ALL is not supported yet (UNION, UNION ALL, INTERSECT and EXCEPT are)");
        }
        throw new SqlPlanningException(describe(rel) + " is not supported yet");
    }

    /** The construct a node stands for, as a user would name it. */
    static String describe(RelNode rel) {
        String name = rel.getRelTypeName().replaceFirst("^Logical", "");
        return switch (name) {
            case "Join", "Correlate" -> "JOIN";
            case "Sort" -> "ORDER BY / LIMIT / FETCH";
            case "Union", "Intersect", "Minus" -> "set operation " + name.toUpperCase(java.util.Locale.ROOT);
            case "Values" -> "VALUES (a query without a table)";
            case "Window" -> "OVER window";
            case "Match" -> "MATCH_RECOGNIZE";
            default -> name;
        };
    }

    private Translated scan(TableScan scan) {
        DefTable table = scan.getTable().unwrap(DefTable.class);
        if (table == null) {
            throw new SqlPlanningException("table " + scan.getTable().getQualifiedName() + " is not a registered table");
        }
        if (table.isView()) {
            return translate(table.computed());
        }
        TableDef def = table.def();
        if (table.computed() != null) {
            Translated read = translate(table.computed());
            return read.mode().isUpdating() ? read : watermarked(read.stream(), table);
        }
        TableConnector connector = connector(def);
        TableTypes.checkMetadata(def, connector);
        List<String> metadata = TableTypes.metadataKeys(def);
        RelDataType physical = scan.getCluster().getTypeFactory().createStructType(
                scan.getRowType().getFieldList().subList(0, scan.getRowType().getFieldCount() - metadata.size()));
        int[] key = TableTypes.physicalPrimaryKey(def);
        java.util.Map<String, String> sourceOptions = options.availableNow()
                ? connector.availableNow(ComputedColumns.userName(def.name()), def.options()) : def.options();
        DataStream<Row> rows = connector.source(env, new TableConnector.SourceRequest(ComputedColumns.userName(def.name()), physical, metadata, key,
                sourceOptions, env.parallelism()));
        if (connector.sourceIsUpsert(def.options())) {
            if (key.length == 0) {
                throw new SqlPlanningException("table " + def.name() + ": connector '" + def.connector()
                        + "' reads upserts and needs a PRIMARY KEY (...) NOT ENFORCED");
            }
            DataStream<Row> normalized = rows.keyBy(new io.runnel.sql.exec.GroupKeySelector(key))
                    .process(new io.runnel.sql.exec.UpsertNormalizeFunction(options().stateTtl()))
                    .name("ChangelogNormalize[" + ComputedColumns.userName(def.name()) + ", key " + keyNames(physical, key) + "]");
            return Translated.updating(normalized, key);
        }
        if (connector.sourceProducesChanges(def.options())) {
            return Translated.updating(rows, key);
        }
        return watermarked(rows, table);
    }

    private static List<String> keyNames(RelDataType type, int[] key) {
        return java.util.Arrays.stream(key).mapToObj(i -> type.getFieldNames().get(i)).toList();
    }

    /** The rows of {@code table} with timestamps and watermarks from its WATERMARK clause, if it has one. */
    private Translated watermarked(DataStream<Row> rows, DefTable table) {
        TableDef def = table.def();
        if (table.rowtimeIndex() < 0) {
            return new Translated(rows, -1);
        }
        long lag = WatermarkLag.millis(def.name(), def.watermark());
        DataStream<Row> timed = rows.assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ofMillis(lag))
                .withTimestampAssigner(new RowtimeAssigner(table.rowtimeIndex(), def.watermark().rowtimeColumn())))
                .name("Watermarks[" + def.name() + ": " + def.watermark().rowtimeColumn() + " - " + lag + " ms]");
        return new Translated(timed, table.rowtimeIndex());
    }

    static TableConnector connector(TableDef def) {
        String id = def.connector();
        if (id == null) {
            throw new SqlPlanningException("table " + def.name() + " has no 'connector' option");
        }
        for (TableConnector c : ServiceLoader.load(TableConnector.class)) {
            if (c.identifier().equals(id)) {
                if (!c.isSource()) {
                    throw new SqlPlanningException("table " + def.name() + ": connector '" + id + "' cannot be read from");
                }
                return c;
            }
        }
        throw new SqlPlanningException("table " + def.name() + ": no connector '" + id + "' on the classpath");
    }

    private Translated calc(Calc calc) {
        if (calc.getInput() instanceof org.apache.calcite.rel.core.Window w && RankTranslator.isRowNumber(w)) {
            return new RankTranslator(this).translate(calc, w);
        }
        RexProgram program = calc.getProgram();
        List<RexNode> projects = program.expandList(program.getProjectList());
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        RelDataType inputType = calc.getInput().getRowType();
        Translated in;
        AppendedWindowColumns appended = AppendedWindowColumns.find(calc.getCluster().getTypeFactory(), inputType, projects,
                condition);
        if (appended != null) {
            if (!(calc.getInput() instanceof Aggregate agg) || LegacyWindowAggTranslator.windowGroup(agg) < 0) {
                throw new SqlPlanningException("SESSION_END(...) and TUMBLE_ROWTIME/HOP_ROWTIME/SESSION_ROWTIME(...) are"
                        + " only supported in the SELECT of the query that groups by that window");
            }
            // the aggregation appends the window's end or rowtime; the calc reads them where the functions were
            in = new LegacyWindowAggTranslator(this).translate(agg, appended.tail(), appended.hasSessionEnd(),
                    appended.rowtime());
            inputType = appended.extendedType();
            projects = appended.replace(projects);
            condition = condition == null ? null : appended.replace(List.of(condition)).get(0);
        } else {
            in = translate(calc.getInput());
        }
        var fn = CalcCodegen.calc(calc.getCluster().getRexBuilder(), inputType, condition, projects);
        DataStream<Row> out = in.stream().flatMap(fn).name("Calc[" + summary(projects, condition) + "]");
        int rowtime = -1;
        int proctime = -1;
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == in.rowtime()) {
                rowtime = i;
            }
            if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == in.proctime()
                    || projects.get(i) instanceof org.apache.calcite.rex.RexCall c && c.getOperator() == io.runnel.sql.functions.RunnelOperators.PROCTIME) {
                proctime = i;
            }
        }
        return new Translated(out, rowtime, in.mode().insertOnly() ? in.mode() : projectMode(in.mode(), projects),
                projectWindow(in.window(), projects), in.mode().insertOnly() ? proctime : -1);
    }

    /** Window columns through a projection: kept when both are projected as they are. */
    private static int[] projectWindow(int[] window, List<RexNode> projects) {
        if (window == null) {
            return null;
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i) instanceof RexInputRef ref) {
                if (ref.getIndex() == window[0] && start < 0) {
                    start = i;
                } else if (ref.getIndex() == window[1] && end < 0) {
                    end = i;
                }
            }
        }
        return start >= 0 && end >= 0 ? new int[] {start, end} : null;
    }

    /** An updating input's upsert key through a projection: kept when every key column is projected as is. */
    private static ChangelogMode projectMode(ChangelogMode mode, List<RexNode> projects) {
        int[] key = new int[mode.upsertKey().length];
        for (int k = 0; k < key.length; k++) {
            key[k] = -1;
            for (int i = 0; i < projects.size() && key[k] < 0; i++) {
                if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == mode.upsertKey()[k]) {
                    key[k] = i;
                }
            }
            if (key[k] < 0) {
                return ChangelogMode.updating();
            }
        }
        return ChangelogMode.updating(key);
    }

    private static String summary(List<RexNode> projects, RexNode condition) {
        return "select " + projects + (condition == null ? "" : " where " + condition);
    }
}
