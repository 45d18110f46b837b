package io.runnel.sql.planner;

import io.runnel.sql.stream.OutputMode;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;

/**
 * Spark's rules for output modes (its UnsupportedOperationChecker), with its reasons: append needs a result whose rows
 * never change, complete needs an aggregation. Shared by writeStream and by sink tables with an {@code 'output-mode'}.
 */
public final class OutputModeRules {
    private OutputModeRules() {}

    /** Whether the optimized plan aggregates (GROUP BY, a window aggregation, DISTINCT). */
    public static boolean aggregates(RelNode rel) {
        boolean[] found = new boolean[1];
        new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Aggregate) {
                    found[0] = true;
                }
                return super.visit(other);
            }
        }.visit(rel);
        return found[0];
    }

    /** Throws with Spark's reason when {@code mode} does not fit the query; {@code updatingOperator} null: insert-only. */
    public static void check(OutputMode mode, boolean aggregates, String updatingOperator) {
        if (mode == OutputMode.APPEND && updatingOperator != null) {
            throw new IllegalArgumentException(aggregates
                    ? "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets"
                    + " without watermark (" + updatingOperator + " updates rows it emitted; aggregate over event-time"
                    + " windows, or use update or complete mode)"
                    : "Append output mode not supported: the query updates rows it emitted before (" + updatingOperator
                    + "); use update mode");
        }
        if (mode == OutputMode.COMPLETE && !aggregates) {
            throw new IllegalArgumentException(
                    "Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets");
        }
    }
}
