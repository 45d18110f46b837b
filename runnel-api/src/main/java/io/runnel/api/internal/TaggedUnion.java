package io.runnel.api.internal;

import io.runnel.api.functions.KeySelector;
import java.io.Serializable;

/** A record of one of two streams, tagged with its side, so a window join can key both alike. */
public final class TaggedUnion<L, R> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final L left;
    private final R right;

    private TaggedUnion(L left, R right) {
        this.left = left;
        this.right = right;
    }

    public static <L, R> TaggedUnion<L, R> left(L value) {
        return new TaggedUnion<>(value, null);
    }

    public static <L, R> TaggedUnion<L, R> right(R value) {
        return new TaggedUnion<>(null, value);
    }

    public boolean isLeft() {
        return left != null;
    }

    public L left() {
        return left;
    }

    public R right() {
        return right;
    }

    /** Keys a tagged record with the selector of its side. */
    public static final class Key<L, R, K> implements KeySelector<TaggedUnion<L, R>, K> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<L, K> leftKey;
        private final KeySelector<R, K> rightKey;

        public Key(KeySelector<L, K> leftKey, KeySelector<R, K> rightKey) {
            this.leftKey = leftKey;
            this.rightKey = rightKey;
        }

        @Override
        public K getKey(TaggedUnion<L, R> value) throws Exception {
            return value.isLeft() ? leftKey.getKey(value.left) : rightKey.getKey(value.right);
        }
    }
}
