package io.runnel.sql.exec.join;

/** Which sides of a join keep their rows without a match (padded with nulls), as SQL's join types. */
public enum JoinKind {
    INNER(false, false), LEFT(true, false), RIGHT(false, true), FULL(true, true);

    final boolean keepsLeft;
    final boolean keepsRight;

    JoinKind(boolean keepsLeft, boolean keepsRight) {
        this.keepsLeft = keepsLeft;
        this.keepsRight = keepsRight;
    }

    /** Whether the join's output can retract rows it emitted even over insert-only inputs. */
    public boolean padsWithNulls() {
        return keepsLeft || keepsRight;
    }
}
