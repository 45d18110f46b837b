package io.runnel.sql.planner;

import io.runnel.api.graph.Transformation;

/** The physical plan as text: one operator per line, its inputs indented below it, with its parallelism. */
final class PlanPrinter {
    private PlanPrinter() {}

    static String print(Transformation root, int defaultParallelism) {
        StringBuilder out = new StringBuilder();
        print(root, defaultParallelism, 0, out);
        return out.toString();
    }

    private static void print(Transformation t, int defaultParallelism, int depth, StringBuilder out) {
        int p = t.forcesParallelismOne() ? 1 : t.parallelism() > 0 ? t.parallelism() : defaultParallelism;
        out.append("  ".repeat(depth)).append(t.getClass().getSimpleName().replace("Transformation", "")).append(": ")
                .append(t.name()).append(" (parallelism ").append(p).append(")\n");
        for (Transformation in : t.inputs()) {
            print(in, defaultParallelism, depth + 1, out);
        }
    }
}
