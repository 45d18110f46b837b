package io.runnel.sql.exec.join;

/** The joined row of a left and a right row (left fields, then right), or one side's row padded with nulls. */
final class JoinedRows {
    private JoinedRows() {}

    static Object[] concat(Object[] l, int leftArity, Object[] r, int rightArity) {
        Object[] j = new Object[leftArity + rightArity];
        System.arraycopy(l, 0, j, 0, leftArity);
        System.arraycopy(r, 0, j, leftArity, rightArity);
        return j;
    }

    static Object[] padded(Object[] fields, boolean isLeft, int leftArity, int rightArity) {
        Object[] j = new Object[leftArity + rightArity];
        System.arraycopy(fields, 0, j, isLeft ? 0 : leftArity, isLeft ? leftArity : rightArity);
        return j;
    }
}
