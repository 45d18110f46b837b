package io.runnel.sql.exec.over;

import java.io.Serial;
import java.io.Serializable;

/**
 * The frame of an OVER window up to the current row: {@code ROWS BETWEEN n PRECEDING} ({@code rows} = n),
 * {@code RANGE BETWEEN INTERVAL 'd' PRECEDING} ({@code rangeMillis} = d), or UNBOUNDED PRECEDING (both -1).
 */
public record OverFrame(boolean isRows, long rows, long rangeMillis) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public boolean unbounded() {
        return isRows ? rows < 0 : rangeMillis < 0;
    }
}
