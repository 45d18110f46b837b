package io.runnel.api.internal;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.JoinFunction;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.Window;
import java.util.ArrayList;
import java.util.List;

/** Evaluates one window of a window join: every left element with every right element. */
public final class WindowJoinFunction<L, R, O, K, W extends Window> extends ProcessWindowFunction<TaggedUnion<L, R>, O, K, W> {
    private static final long serialVersionUID = 1L;
    private final JoinFunction<L, R, O> join;

    public WindowJoinFunction(JoinFunction<L, R, O> join) {
        this.join = join;
    }

    @Override
    public void process(K key, Context ctx, Iterable<TaggedUnion<L, R>> elements, Collector<O> out) throws Exception {
        List<L> lefts = new ArrayList<>();
        List<R> rights = new ArrayList<>();
        for (TaggedUnion<L, R> e : elements) {
            if (e.isLeft()) lefts.add(e.left());
            else rights.add(e.right());
        }
        for (L l : lefts) {
            for (R r : rights) out.collect(join.join(l, r));
        }
    }
}
