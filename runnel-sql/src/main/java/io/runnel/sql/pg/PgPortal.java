package io.runnel.sql.pg;

import java.util.List;

/** A bound statement: its parameters, the formats its result columns go in, and rows left by a suspended Execute. */
final class PgPortal {
    final PgPrepared statement;
    final List<Object> params;
    final short[] resultFormats;
    List<PgColumn> columns;
    List<Object[]> pending;
    int sent;

    PgPortal(PgPrepared statement, List<Object> params, short[] resultFormats) {
        this.statement = statement;
        this.params = params;
        this.resultFormats = resultFormats;
    }

    /** Whether column {@code i} of {@code n} goes in binary, as Bind asked: none, one for all, or one each. */
    static boolean[] binary(short[] formats, int n) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = formats.length == 1 ? formats[0] == 1 : formats.length > i && formats[i] == 1;
        }
        return b;
    }
}
