package io.runnel.api;

import io.runnel.api.functions.JoinFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.internal.TaggedUnion;
import io.runnel.api.internal.WindowJoinFunction;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;

/**
 * A window join: {@code left.join(right).where(k1).equalTo(k2).window(assigner).apply(fn)} emits
 * {@code fn(l, r)} for every pair with equal keys in the same window.
 */
public final class JoinedStreams<L, R> {
    private final DataStream<L> left;
    private final DataStream<R> right;

    JoinedStreams(DataStream<L> left, DataStream<R> right) {
        this.left = left;
        this.right = right;
    }

    public <K> Where<K> where(KeySelector<L, K> leftKey) {
        return new Where<>(leftKey);
    }

    /** After {@code where}. */
    public final class Where<K> {
        private final KeySelector<L, K> leftKey;

        Where(KeySelector<L, K> leftKey) {
            this.leftKey = leftKey;
        }

        public EqualTo equalTo(KeySelector<R, K> rightKey) {
            return new EqualTo(rightKey);
        }

        /** After {@code equalTo}. */
        public final class EqualTo {
            private final KeySelector<R, K> rightKey;

            EqualTo(KeySelector<R, K> rightKey) {
                this.rightKey = rightKey;
            }

            public <W extends Window> Windowed<W> window(WindowAssigner<? super TaggedUnion<L, R>, W> assigner) {
                return new Windowed<>(assigner);
            }

            /** After {@code window}. */
            public final class Windowed<W extends Window> {
                private final WindowAssigner<? super TaggedUnion<L, R>, W> assigner;

                Windowed(WindowAssigner<? super TaggedUnion<L, R>, W> assigner) {
                    this.assigner = assigner;
                }

                public <O> DataStream<O> apply(JoinFunction<L, R, O> fn) {
                    DataStream<TaggedUnion<L, R>> l = left.map(TaggedUnion::<L, R>left).name("join-left");
                    DataStream<TaggedUnion<L, R>> r = right.map(TaggedUnion::<L, R>right).name("join-right");
                    KeySelector<TaggedUnion<L, R>, K> key = new TaggedUnion.Key<>(leftKey, rightKey);
                    return l.union(r).keyBy(key).window(assigner).process(new WindowJoinFunction<>(fn)).name("window-join");
                }
            }
        }
    }
}
