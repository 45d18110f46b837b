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

    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
    private final CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    private final CalciteCatalogReader catalogReader;

    public SqlPlanner() {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        catalogReader = new CalciteCatalogReader(root, java.util.List.of(), typeFactory, new CalciteConnectionConfigImpl(p));
    }

    public void register(TableDef def) {
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

    /** The optimized tree of {@code sql}, a SELECT. */
    public RelNode plan(String sql) {
        SqlNode parsed;
        try {
            parsed = SqlParser.create(sql, PARSER).parseQuery();
        } catch (SqlParseException e) {
            throw new SqlPlanningException("SQL parse error: " + e.getMessage(), e);
        }
        SqlValidator validator = newValidator();
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw new SqlPlanningException(e.getMessage(), e);
        }
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter((rowType, query, schema, view) -> null, validator, catalogReader,
                cluster, StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(false));
        RelNode rel = converter.convertQuery(validated, false, true).rel;
        return optimize(rel);
    }

    /** Merges and pushes projections and filters, then fuses them into calcs. */
    static RelNode optimize(RelNode rel) {
        HepProgram program = HepProgram.builder()
                .addRuleCollection(java.util.List.of(CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
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
        return SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(), catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.DEFAULT).withIdentifierExpansion(true));
    }
}
