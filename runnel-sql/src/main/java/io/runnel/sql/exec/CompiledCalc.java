package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.sql.data.Row;
import org.codehaus.commons.compiler.CompilerFactoryFactory;
import org.codehaus.commons.compiler.IClassBodyEvaluator;

/**
 * A fused filter and projection. Ships as the Java source of a {@link RowCalc} that Calcite's
 * RexToLixTranslator generated and compiles it with Janino once per parallel instance: per record
 * it runs the compiled condition and projections, allocating only the output row.
 */
public final class CompiledCalc implements FlatMapFunction<Row, Row>, RichFunction {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final boolean filters;
    private final boolean projects;
    private transient RowCalc calc;
    private transient InputContext root;

    /** {@code source}: the class body of a RowCalc; {@code projects} false: rows pass unchanged. */
    public CompiledCalc(String source, boolean filters, boolean projects) {
        this.source = source;
        this.filters = filters;
        this.projects = projects;
    }

    public String source() {
        return source;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        IClassBodyEvaluator cbe = CompilerFactoryFactory.getDefaultCompilerFactory(RowCalc.class.getClassLoader())
                .newClassBodyEvaluator();
        cbe.setImplementedInterfaces(new Class<?>[] {RowCalc.class});
        cbe.setParentClassLoader(RowCalc.class.getClassLoader());
        cbe.cook(source);
        calc = (RowCalc) cbe.getClazz().getDeclaredConstructor().newInstance();
        root = new InputContext();
    }

    /** The condition alone, for operators that test rows they build (a join's residual condition). */
    public boolean test(Object[] fields) throws Exception {
        if (calc == null) {
            open(null);
        }
        return !filters || calc.filter(fields, root);
    }

    /** The projections alone, for operators that build the rows they project (a lookup join's unmatched rows). */
    public Object[] project(Object[] fields) throws Exception {
        if (calc == null) {
            open(null);
        }
        return projects ? calc.project(fields, root) : fields;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) throws Exception {
        if (calc == null) {
            open(null);
        }
        Object[] in = row.fields();
        if (filters && !calc.filter(in, root)) {
            return;
        }
        out.collect(projects ? new Row(row.kind(), calc.project(in, root)) : row);
    }
}
