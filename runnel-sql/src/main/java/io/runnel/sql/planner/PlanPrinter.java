package io.runnel.sql.planner;

import io.runnel.api.graph.Transformation;
import java.util.Map;

/** The physical plan as text: one operator per line, its inputs indented below it, with its parallelism and
 * changelog mode. */
final class PlanPrinter {
    private PlanPrinter() {}

    static String print(Transformation root, int defaultParallelism, Map<Transformation, ChangelogMode> modes) {
        StringBuilder out = new StringBuilder();
        print(root, defaultParallelism, modes, 0, out);
        return out.toString();
    }

    /** An operator inside a SQL node (a partitioner, a watermark assigner) passes on the rows of its input. */
    private static ChangelogMode mode(Transformation t, Map<Transformation, ChangelogMode> modes) {
        ChangelogMode known = modes.get(t);
        if (known != null) {
            return known;
        }
        return t.inputs().isEmpty() ? ChangelogMode.INSERT_ONLY : mode(t.inputs().get(0), modes);
    }

    private static void print(Transformation t, int defaultParallelism, Map<Transformation, ChangelogMode> modes, int depth,
            StringBuilder out) {
        int p = t.forcesParallelismOne() ? 1 : t.parallelism() > 0 ? t.parallelism() : defaultParallelism;
        out.append("  ".repeat(depth)).append(t.getClass().getSimpleName().replace("Transformation", "")).append(": ")
                .append(t.name()).append(" (parallelism ").append(p);
        out.append(", ").append(mode(t, modes).describe()).append(")\n");
        for (Transformation in : t.inputs()) {
            print(in, defaultParallelism, modes, depth + 1, out);
        }
    }
}
