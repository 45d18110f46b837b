package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.exec.CompiledCalc;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;

/** A fused calc compiles to straight-line code: the filter allocates nothing, the projection only its output row. */
class CalcCodegenTest {
    @Test
    void filterAllocatesNothingAndProjectionOnlyItsRow() {
        QueryPlanner planner = new QueryPlanner();
        planner.register(SqlQueryTest.kit().sqlEnvironmentTables().get(0));
        Calc calc = (Calc) planner.optimized("SELECT id + 1 AS x, UPPER(product) AS p FROM orders"
                + " WHERE amount > 3 AND price < 2.5 AND id <> 7");
        RexProgram program = calc.getProgram();
        CompiledCalc fn = CalcCodegen.calc(calc.getCluster().getRexBuilder(), calc.getInput().getRowType(),
                program.expandLocalRef(program.getCondition()), program.expandList(program.getProjectList()));
        String source = fn.source();
        String filter = source.substring(source.indexOf("boolean filter("), source.indexOf("Object[] project("));
        String project = source.substring(source.indexOf("Object[] project("));
        assertThat(filter).contains("return").doesNotContain("new ");
        assertThat(project.split("new ", -1)).as(project).hasSize(2);
        assertThat(project).contains("new Object[]");
    }
}
