package io.runnel.sql.planner;

import io.runnel.sql.catalog.TableDef;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/** Parses, validates, converts and optimizes a query over the registered tables into a relational tree. */
public final class SqlPlanner {
    /** Flink's lexical rules: backticks, case-sensitive, names kept as written. */
    public static final SqlParser.Config PARSER = SqlParser.config().withLex(Lex.JAVA)
            .withConformance(SqlConformanceEnum.DEFAULT).withParserFactory(io.runnel.sql.parser.impl.RunnelSqlParserImpl.FACTORY);

    /** Rule applications per optimization at most: far above what real queries need (dozens). */
    static final int MATCH_LIMIT = 10_000;

    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
    private final CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    private final CalciteCatalogReader catalogReader;

    public SqlPlanner() {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        // user functions live in their own schema on the lookup path, rebuilt when one is dropped (Calcite's schemas
        // cannot remove a function that takes arguments)
        catalogReader = new CalciteCatalogReader(root, java.util.List.of(USER_FUNCTIONS),
                typeFactory, new CalciteConnectionConfigImpl(p));
        root.add(USER_FUNCTIONS, new org.apache.calcite.schema.impl.AbstractSchema());
        io.runnel.sql.functions.FunctionCatalog.addBuiltIns(root.plus());
    }

    private static final String USER_FUNCTIONS = "$user_functions";
    /** User-defined functions: name to class. */
    private final java.util.Map<String, String> userFunctions = new java.util.TreeMap<>();

    /** {@code CREATE FUNCTION name AS 'className'}: a user-defined scalar function, found by name from now on. */
    public void registerFunction(String name, String className) {
        if (userFunctions.containsKey(name)) {
            throw new SqlPlanningException("CREATE FUNCTION " + name + ": a function of that name exists already");
        }
        try {
            io.runnel.sql.functions.FunctionCatalog.addUserFunction(userSchema(), name, className);
        } catch (IllegalArgumentException e) {
            throw new SqlPlanningException(e.getMessage(), e);
        }
        userFunctions.put(name, className);
    }

    /** {@code DROP FUNCTION name}: false if no user-defined function has that name. */
    public boolean unregisterFunction(String name) {
        if (userFunctions.remove(name) == null) {
            return false;
        }
        root.removeSubSchema(USER_FUNCTIONS);
        root.add(USER_FUNCTIONS, new org.apache.calcite.schema.impl.AbstractSchema());
        userFunctions.forEach((n, c) -> io.runnel.sql.functions.FunctionCatalog.addUserFunction(userSchema(), n, c));
        return true;
    }

    private org.apache.calcite.schema.SchemaPlus userSchema() {
        return java.util.Objects.requireNonNull(root.plus().getSubSchema(USER_FUNCTIONS));
    }

    /** The user-defined functions, sorted. */
    public java.util.List<String> functionNames() {
        return java.util.List.copyOf(userFunctions.keySet());
    }

    public void register(TableDef declared) {
        TableDef def = ConnectorDefaults.apply(declared);
        if (root.getTable(def.name(), true) != null) {
            throw new SqlPlanningException("table " + def.name() + " is already registered");
        }
        if (!ComputedColumns.has(def)) {
            RelDataType type = TableTypes.rowType(def, newValidator());
            TableTypes.checkWatermark(def, type);
            root.add(def.name(), new DefTable(def, type, null));
            return;
        }
        TableDef physical = ComputedColumns.physicalPart(def);
        root.add(physical.name(), new DefTable(physical, TableTypes.rowType(physical, newValidator()), null));
        RelNode computed;
        try {
            computed = plan(ComputedColumns.select(def));
        } catch (SqlPlanningException e) {
            root.removeTable(physical.name());
            throw new SqlPlanningException("table " + def.name() + ": a computed column does not validate: " + e.getMessage(), e);
        }
        TableTypes.checkWatermark(def, computed.getRowType());
        root.add(def.name(), new DefTable(def, computed.getRowType(), computed));
    }

    /**
     * Registers a view: {@code query} planned now, read wherever the view is named. {@code columns} renames the
     * query's columns when not empty.
     */
    public void registerView(String name, java.util.List<String> columns, String query, boolean temporary) {
        registerView(name, columns, parse(query), temporary);
    }

    /** As {@link #registerView(String, java.util.List, String, boolean)}, the query parsed already. */
    public void registerView(String name, java.util.List<String> columns, SqlNode query, boolean temporary) {
        if (root.getTable(name, true) != null) {
            throw new SqlPlanningException("a table or view named " + name + " is already registered");
        }
        RelNode rel = plan(query);
        if (!columns.isEmpty()) {
            if (columns.size() != rel.getRowType().getFieldCount()) {
                throw new SqlPlanningException("view " + name + " names " + columns.size() + " columns but its query has "
                        + rel.getRowType().getFieldCount());
            }
            rel = org.apache.calcite.tools.RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
                    .create(rel.getCluster(), null).push(rel).rename(columns).build();
        }
        TableDef def = new TableDef(name, java.util.List.of(), null, java.util.List.of(), java.util.Map.of(), temporary, null);
        root.add(name, new DefTable(def, rel.getRowType(), rel, true));
    }

    /** Removes a table or view; false if there is none of that name. */
    public boolean unregister(String name) {
        if (root.getTable(name, true) == null) {
            return false;
        }
        root.removeTable(name);
        root.removeTable(ComputedColumns.physicalTable(new TableDef(name, java.util.List.of(), null, java.util.List.of(),
                java.util.Map.of(), false, null)));
        return true;
    }

    /** The registered table or view of that name, null if none; hidden physical parts are not listed. */
    public DefTable table(String name) {
        CalciteSchema.TableEntry e = root.getTable(name, true);
        return e == null ? null : (DefTable) e.getTable();
    }

    /** The names of the registered tables and views, sorted; hidden physical parts are not listed. */
    public java.util.List<String> tableNames() {
        return root.getTableNames().stream().filter(n -> !n.endsWith("$physical")).sorted().toList();
    }

    /** The optimized tree of {@code sql}, a SELECT. */
    public RelNode plan(String sql) {
        return plan(parse(sql));
    }

    private static SqlNode parse(String sql) {
        try {
            return SqlParser.create(sql, PARSER).parseQuery();
        } catch (SqlParseException e) {
            throw new SqlPlanningException("SQL parse error: " + e.getMessage(), e);
        }
    }

    /** The optimized tree of a parsed query; errors give the positions the parser recorded. */
    public RelNode plan(SqlNode parsed) {
        SqlValidator validator = newValidator();
        SqlNode validated;
        try {
            validated = validator.validate(LegacyWindowRewrite.apply(parsed));
        } catch (CalciteContextException e) {
            throw new SqlPlanningException(e.getMessage(), e);
        }
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter((rowType, query, schema, view) -> null, validator, catalogReader,
                cluster, StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(false));
        org.apache.calcite.rel.RelRoot root = converter.convertQuery(validated, false, true);
        return named(optimize(root.rel), root.validatedRowType.getFieldNames());
    }

    /**
     * The optimized tree with the query's column names: removing a projection that only renames columns (PROJECT_REMOVE,
     * CALC_REMOVE) leaves its input's names, so a renaming calc goes back on top.
     */
    private RelNode named(RelNode rel, java.util.List<String> names) {
        if (rel.getRowType().getFieldCount() != names.size() || rel.getRowType().getFieldNames().equals(names)
                || new java.util.HashSet<>(names).size() < names.size()) {
            return rel; // nothing lost, or names Calcite had to make unique (SELECT a.*, b.* with a column in both)
        }
        org.apache.calcite.rel.type.RelDataType renamed = typeFactory.createStructType(
                rel.getRowType().getFieldList().stream().map(org.apache.calcite.rel.type.RelDataTypeField::getType).toList(), names);
        if (rel instanceof org.apache.calcite.rel.core.Calc calc) {
            org.apache.calcite.rex.RexProgram p = calc.getProgram();
            return org.apache.calcite.rel.logical.LogicalCalc.create(calc.getInput(), new org.apache.calcite.rex.RexProgram(
                    p.getInputRowType(), p.getExprList(), p.getProjectList(), p.getCondition(), renamed));
        }
        return org.apache.calcite.rel.logical.LogicalCalc.create(rel, org.apache.calcite.rex.RexProgram.createIdentity(rel.getRowType(), renamed));
    }

    /** The type factory of every plan this planner makes. */
    public org.apache.calcite.rel.type.RelDataTypeFactory typeFactory() {
        return typeFactory;
    }

    /** Rewrites set operations, merges and pushes projections and filters, then fuses them into calcs. */
    static RelNode optimize(RelNode rel) {
        HepProgram program = HepProgram.builder()
                // rules that rewrite expressions can undo each other; a bound keeps planning finite
                .addMatchLimit(MATCH_LIMIT)
                // UNION, INTERSECT and EXCEPT (distinct) as aggregations over UNION ALL, which streams merge
                .addRuleCollection(java.util.List.of(CoreRules.UNION_TO_DISTINCT, CoreRules.INTERSECT_TO_DISTINCT,
                        CoreRules.MINUS_TO_DISTINCT))
                // OVER (ROW_NUMBER for Top-N, OVER aggregates) out of projections into window nodes, before calcs form
                .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
                .addRuleCollection(java.util.List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
                        CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
                        CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_REDUCE_EXPRESSIONS,
                        CoreRules.PROJECT_REDUCE_EXPRESSIONS))
                .addRuleCollection(java.util.List.of(CoreRules.FILTER_TO_CALC, CoreRules.PROJECT_TO_CALC, CoreRules.CALC_MERGE,
                        CoreRules.CALC_REMOVE))
                .build();
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private SqlValidator newValidator() {
        return SqlValidatorUtil.newValidator(org.apache.calcite.sql.util.SqlOperatorTables.chain(
                        io.runnel.sql.functions.FlinkWindowFunctions.standardWithoutWindowFunctions(),
                        io.runnel.sql.functions.RunnelOperators.table(), catalogReader), catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.DEFAULT).withIdentifierExpansion(true));
    }
}
