package io.runnel.sql.pg;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.StatementResult;
import io.runnel.sql.live.LiveView;
import io.runnel.sql.live.LiveViews;
import io.runnel.sql.parser.RunnelSqlParser;
import io.runnel.sql.parser.SqlCreateView;
import io.runnel.sql.parser.SqlDropObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;

/**
 * The catalog every session of the endpoint shares, and the jobs its statements start. A statement of the SQL
 * dialect runs on a new job's environment over that catalog: DDL changes the catalog, and an INSERT or a CREATE
 * MATERIALIZED VIEW starts its job at once. Statements run one at a time (the planner is not shared safely).
 */
public final class PgCatalog implements AutoCloseable {
    private final SqlEnvironment root;
    private final Supplier<StreamEnvironment> jobs;
    private final List<JobClient> started = new CopyOnWriteArrayList<>();

    /** {@code root}: the catalog (e.g. the one a script filled); {@code jobs}: a new job's environment. */
    public PgCatalog(SqlEnvironment root, Supplier<StreamEnvironment> jobs) {
        this.root = root;
        this.jobs = jobs;
    }

    public LiveViews liveViews() {
        return root.liveViews();
    }

    /** The catalog's environment; plan on it only while holding its monitor. */
    public SqlEnvironment sql() {
        return root;
    }

    /** The jobs sessions started, oldest first. */
    public List<JobClient> jobs() {
        return List.copyOf(started);
    }

    /** What a statement did: lines to show, and the command tag. */
    record Outcome(List<String> lines, String tag) {}

    Outcome execute(String statement) throws Exception {
        synchronized (root) { // the planner is shared by every session and not thread-safe
            SqlNode node = RunnelSqlParser.parse(statement);
            LiveView dropped = node instanceof SqlDropObject d && d.objectKind() == SqlDropObject.ObjectKind.MATERIALIZED_VIEW
                    ? liveViews().get(d.name()) : null;
            StreamEnvironment env = jobs.get();
            SqlEnvironment sql = root.newJob(env);
            StatementResult r = sql.execute(node);
            if (r.isQuery()) {
                throw new PgError("0A000", "a streaming SELECT has no end to wait for here; read a materialized view instead");
            }
            if (r.query() != null) {
                JobClient job = env.executeAsync("psql: " + firstLine(statement));
                started.add(job);
                if (node instanceof SqlCreateView v && v.materialized()) {
                    liveViews().get(v.name()).attach(job, true);
                }
            }
            if (dropped != null && dropped.ownsJob() && dropped.job() != null) {
                dropped.job().cancel();
            }
            return new Outcome(r.query() != null ? List.of() : r.lines(), tag(statement, node));
        }
    }

    private static String tag(String statement, SqlNode node) {
        List<String> w = PgSql.words(statement, 3);
        if (w.isEmpty()) {
            return "";
        }
        return switch (w.get(0)) {
            case "INSERT", "EXECUTE" -> "INSERT 0 0";
            case "CREATE", "DROP" -> {
                int i = 1;
                if (i < w.size() && (w.get(i).equals("TEMPORARY") || w.get(i).equals("SYSTEM"))) {
                    i++;
                }
                String what = i < w.size() ? w.get(i) : "";
                yield w.get(0) + " " + (what.equals("MATERIALIZED") ? "MATERIALIZED VIEW" : what);
            }
            default -> w.get(0);
        };
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /** Cancels the jobs sessions started. */
    @Override
    public void close() {
        started.forEach(JobClient::cancel);
    }
}
