package io.runnel.sql.exec;

import org.apache.calcite.DataContext;

/** What the planner generates for a calc: its condition and its projections over a row's fields. */
public interface RowCalc {
    boolean filter(Object[] in, DataContext root);

    Object[] project(Object[] in, DataContext root);
}
