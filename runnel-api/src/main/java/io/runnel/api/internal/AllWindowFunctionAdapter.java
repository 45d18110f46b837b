package io.runnel.api.internal;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.windowing.ProcessAllWindowFunction;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.Window;

/** Runs a window function of a non-keyed window as the function of a window keyed by a constant. */
public final class AllWindowFunctionAdapter<IN, OUT, W extends Window> extends ProcessWindowFunction<IN, OUT, Byte, W> {
    private static final long serialVersionUID = 1L;
    private final ProcessAllWindowFunction<IN, OUT, W> function;

    public AllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
        this.function = function;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        function.open(context);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public void process(Byte key, Context ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception {
        function.process(function.new Context() {
            @Override
            public W window() {
                return ctx.window();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                ctx.output(tag, value);
            }
        }, elements, out);
    }
}
