package io.runnel.sql.planner;

import io.runnel.sql.exec.CompiledCalc;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MemberDeclaration;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Generates, with Calcite's RexToLixTranslator (as its Enumerable calc does), the Java source of a
 * {@link io.runnel.sql.exec.RowCalc}: the condition and the projections read the row's fields
 * array directly.
 */
final class CalcCodegen {
    private CalcCodegen() {}

    /** {@code condition} may be null; projections that are the input unchanged are skipped. */
    static CompiledCalc calc(RexBuilder rexBuilder, RelDataType inputType, RexNode condition, List<RexNode> projects) {
        JavaTypeFactory types = (JavaTypeFactory) rexBuilder.getTypeFactory();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            names.add("f" + i);
        }
        RexProgram program = RexProgram.create(inputType, projects, condition, names, rexBuilder);
        ParameterExpression in = Expressions.parameter(Object[].class, "in");
        RexToLixTranslator.InputGetter fields = (list, index, storageType) -> EnumUtils.convert(
                Expressions.arrayIndex(in, Expressions.constant(index)),
                storageType != null ? storageType : types.getJavaClass(inputType.getFieldList().get(index).getType()));

        BlockBuilder filter = new BlockBuilder();
        Expression cond = RexToLixTranslator.translateCondition(program, types, filter, fields, null, SqlConformanceEnum.DEFAULT);
        filter.add(Expressions.return_(null, cond));

        BlockBuilder project = new BlockBuilder();
        List<Expression> outs = RexToLixTranslator.translateProjects(program, types, SqlConformanceEnum.DEFAULT, project, null,
                null, DataContext.ROOT, fields, null);
        project.add(Expressions.return_(null, Expressions.newArrayInit(Object.class, outs)));

        List<MemberDeclaration> methods = List.of(
                Expressions.methodDecl(Modifier.PUBLIC, boolean.class, "filter", List.of(in, DataContext.ROOT), filter.toBlock()),
                Expressions.methodDecl(Modifier.PUBLIC, Object[].class, "project", List.of(in, DataContext.ROOT), project.toBlock()));
        String source = Expressions.toString(methods, "\n", false);
        return new CompiledCalc(source, condition != null && !condition.isAlwaysTrue(), !isIdentity(projects, inputType));
    }

    private static boolean isIdentity(List<RexNode> projects, RelDataType inputType) {
        if (projects.size() != inputType.getFieldCount()) {
            return false;
        }
        for (int i = 0; i < projects.size(); i++) {
            if (!(projects.get(i) instanceof RexInputRef ref) || ref.getIndex() != i) {
                return false;
            }
        }
        return true;
    }
}
