package io.runnel.sql.live;

import io.runnel.api.JobClient;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A materialized view of a catalog: its name, columns, the columns that identify a row (empty: none), the table its
 * job keeps up to date, and that job once it runs.
 */
public final class LiveView {
    private final String id;
    private final String name;
    private final RelDataType rowType;
    private final int[] key;
    private final ViewTable table;
    private volatile JobClient job;
    private volatile boolean ownsJob;

    LiveView(String id, String name, RelDataType rowType, int[] key) {
        this.id = id;
        this.name = name;
        this.rowType = rowType;
        this.key = key.clone();
        this.table = new ViewTable(key);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public RelDataType rowType() {
        return rowType;
    }

    public int[] key() {
        return key.clone();
    }

    public ViewTable table() {
        return table;
    }

    /** The job that keeps the view up to date, once started; null before. */
    public JobClient job() {
        return job;
    }

    /** {@code owns}: the job runs this view only, so dropping the view ends it. */
    public void attach(JobClient job, boolean owns) {
        this.job = job;
        this.ownsJob = owns;
    }

    public boolean ownsJob() {
        return ownsJob;
    }
}
