package io.runnel.sql.oracle;

import io.runnel.sql.live.AdHocColumn;
import io.runnel.sql.live.AdHocRows;
import io.runnel.sql.live.AdHocSession;
import java.util.List;

/** Test support: the one number an ad-hoc query answers. */
public final class AdHocResults {
    private AdHocResults() {}

    /** The first column of the first row of {@code query}, as a long; -1 when there is no row. */
    public static long single(AdHocSession s, String query) throws Exception {
        long[] v = {-1};
        s.query(query, List.of(), new AdHocRows() {
            @Override
            public void columns(List<AdHocColumn> columns) {}

            @Override
            public boolean row(Object[] values) {
                v[0] = ((Number) values[0]).longValue();
                return false;
            }
        });
        return v[0];
    }
}
