package io.runnel.sql.planner;

import io.runnel.sql.exec.CompiledCalc;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** Generates, through Calcite's RexExecutorImpl, the Java source of a calc's condition and projections. */
final class CalcCodegen {
    private CalcCodegen() {}

    /** {@code condition} may be null; projections that are the input unchanged are skipped. */
    static CompiledCalc calc(RexBuilder rexBuilder, RelDataType inputType, RexNode condition, List<RexNode> projects) {
        String cond = condition == null || condition.isAlwaysTrue() ? null
                : RexExecutorImpl.getExecutable(rexBuilder, List.of(condition), inputType).getSource();
        String proj = isIdentity(projects, inputType) ? null
                : RexExecutorImpl.getExecutable(rexBuilder, projects, inputType).getSource();
        return new CompiledCalc(cond, proj);
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
