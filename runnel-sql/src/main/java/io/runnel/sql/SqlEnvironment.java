package io.runnel.sql;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.QueryPlanner;

/**
 * SQL on a stream environment, as Flink's TableEnvironment: register tables, then turn SELECTs
 * into streams of rows on the same job as the environment's other streams.
 */
public final class SqlEnvironment {
    private final StreamEnvironment env;
    private final QueryPlanner planner = new QueryPlanner();

    private SqlEnvironment(StreamEnvironment env) {
        this.env = env;
    }

    public static SqlEnvironment create(StreamEnvironment env) {
        return new SqlEnvironment(env);
    }

    public StreamEnvironment streamEnvironment() {
        return env;
    }

    /** Registers a table; its name must be new. */
    public SqlEnvironment registerTable(TableDef def) {
        planner.register(def);
        return this;
    }

    /** The rows of {@code select}, added to the environment's job. */
    public DataStream<Row> sqlQuery(String select) {
        return planner.translate(select, env);
    }

    /** The optimized relational plan and the physical plan {@code select} would run as. */
    public String explain(String select) {
        return planner.explain(select, env.parallelism());
    }
}
