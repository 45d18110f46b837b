package io.runnel.sql.pg;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.runnel.sql.live.AdHocColumn;
import io.runnel.sql.live.AdHocRows;
import io.runnel.sql.live.AdHocSession;
import io.runnel.sql.parser.SqlParseError;
import io.runnel.sql.planner.SqlPlanningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: startup and authentication, then simple and extended query flows. Messages are handled in
 * order on the connection's own thread, never on the network thread, since a statement may plan a job or scan a view.
 */
final class PgConnection extends SimpleChannelInboundHandler<PgMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { STARTUP, PASSWORD, READY }

    private final PgServer server;
    private final int pid;
    private final int secret = RANDOM.nextInt();
    private final ExecutorService worker;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, PgPrepared> statements = new HashMap<>();
    private final Map<String, PgPortal> portals = new HashMap<>();
    private Channel channel;
    private PgOut out;
    private State state = State.STARTUP;
    private String user;
    private byte[] salt;
    private ScramServer scram;
    private boolean scramFirstRead;
    private AdHocSession adHoc;
    private boolean skipToSync;
    private char transaction = 'I';
    private volatile boolean cancelled;

    PgConnection(PgServer server, int pid) {
        this.server = server;
        this.pid = pid;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pg-session-" + pid);
            t.setDaemon(true);
            return t;
        });
        settings.put("server_version", "16.0");
        settings.put("server_encoding", "UTF8");
        settings.put("client_encoding", "UTF8");
        settings.put("DateStyle", "ISO, MDY");
        settings.put("IntervalStyle", "postgres");
        settings.put("TimeZone", "UTC");
        settings.put("integer_datetimes", "on");
        settings.put("standard_conforming_strings", "on");
        settings.put("is_superuser", "off");
        settings.put("application_name", "");
    }

    int pid() {
        return pid;
    }

    boolean secretIs(int s) {
        return secret == s;
    }

    /** A client's cancel request: the running query stops with 57014. */
    void cancel() {
        cancelled = true;
        AdHocSession s = adHoc;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        out = new PgOut(channel);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, PgMessage msg) {
        run(() -> handle(msg));
    }

    /** Runs {@code task} on the connection's thread; after the connection closed there is nothing left to do. */
    private void run(Runnable task) {
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the connection is gone
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.forget(this);
        run(() -> {
            try {
                if (adHoc != null) {
                    adHoc.close();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
            out.release();
        });
        worker.shutdown();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof PgError e) {
            run(() -> {
                out.error("FATAL", e.sqlState(), e.getMessage());
                channel.close();
            });
        } else {
            LOG.debug("pg connection {}: {}", pid, c.toString());
            ctx.close();
        }
    }

    private void handle(PgMessage msg) {
        try {
            switch (state) {
                case STARTUP -> startup(msg);
                case PASSWORD -> password(msg);
                case READY -> message(msg);
            }
        } catch (Exception e) {
            PgError err = translate(e);
            if (err.fatal() || state != State.READY) {
                out.error("FATAL", err.sqlState(), err.getMessage());
                channel.close();
                return;
            }
            out.error("ERROR", err.sqlState(), err.getMessage());
            skipToSync = true;
        }
    }

    private void startup(PgMessage msg) throws Exception {
        int code = msg.int32();
        if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
            out.refuseEncryption();
            return;
        }
        if (code == CANCEL_REQUEST) {
            server.cancel(msg.int32(), msg.int32());
            channel.close();
            return;
        }
        if (code >> 16 != 3) {
            throw new PgError("0A000", "unsupported frontend protocol " + (code >> 16) + "." + (code & 0xffff)
                    + ": this endpoint speaks 3.0", true);
        }
        Map<String, String> params = new HashMap<>();
        while (msg.hasRemaining()) {
            String name = msg.cstring();
            if (name.isEmpty()) {
                break;
            }
            params.put(name, msg.cstring());
        }
        user = params.get("user");
        if (user == null) {
            throw new PgError("28000", "no PostgreSQL user name specified in startup packet", true);
        }
        String database = params.getOrDefault("database", user);
        PgConfig config = server.config();
        if (!user.equals(config.user())) {
            throw new PgError("28000", "role \"" + user + "\" does not exist (this endpoint's user is \"" + config.user() + "\")", true);
        }
        if (!database.equals(config.database())) {
            throw new PgError("3D000", "database \"" + database + "\" does not exist (this endpoint serves \"" + config.database() + "\")", true);
        }
        if (params.containsKey("application_name")) {
            settings.put("application_name", params.get("application_name"));
        }
        if (config.password() == null) {
            ready();
            return;
        }
        if (config.authMethod().equals("md5")) {
            salt = new byte[4];
            RANDOM.nextBytes(salt);
            out.authenticationMd5(salt);
        } else {
            scram = new ScramServer(config.password());
            out.authenticationSasl(ScramServer.MECHANISM);
        }
        state = State.PASSWORD;
    }

    private void password(PgMessage msg) throws Exception {
        if (msg.type() != 'p') {
            throw new PgError("08P01", "expected a password message, got '" + msg.type() + "'", true);
        }
        if (scram != null) {
            scram(msg);
            return;
        }
        String given = msg.cstring();
        String inner = md5Hex((server.config().password() + user).getBytes(StandardCharsets.UTF_8));
        byte[] outer = concat(inner.getBytes(StandardCharsets.US_ASCII), salt);
        if (!MessageDigest.isEqual(("md5" + md5Hex(outer)).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw new PgError("28P01", "password authentication failed for user \"" + user + "\"", true);
        }
        ready();
    }

    /** SCRAM's two client messages: SASLInitialResponse (mechanism, then client-first), then SASLResponse (client-final). */
    private void scram(PgMessage msg) {
        if (!scramFirstRead) {
            String mechanism = msg.cstring();
            if (!mechanism.equals(ScramServer.MECHANISM)) {
                throw new PgError("28000", "SASL mechanism " + mechanism + " is not supported (" + ScramServer.MECHANISM + " is)", true);
            }
            int n = msg.int32();
            String first = new String(msg.bytes(Math.max(n, 0)), StandardCharsets.UTF_8);
            scramFirstRead = true;
            out.authenticationSaslData(11, scram.first(first));
            return;
        }
        String last = new String(msg.bytes(msg.remaining()), StandardCharsets.UTF_8);
        out.authenticationSaslData(12, scram.last(last, user));
        ready();
    }

    private static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void ready() {
        out.authenticationOk();
        settings.forEach(out::parameterStatus);
        out.backendKeyData(pid, secret);
        state = State.READY;
        out.readyForQuery(transaction);
    }

    private void message(PgMessage msg) throws Exception {
        char type = msg.type();
        if (type == 'S') {
            skipToSync = false;
            out.readyForQuery(transaction);
            return;
        }
        if (type == 'X') {
            channel.close();
            return;
        }
        if (type == 'Q') {
            skipToSync = false;
            simpleQuery(msg.cstring());
            return;
        }
        if (skipToSync) {
            return; // an extended-query error discards messages until Sync
        }
        switch (type) {
            case 'P' -> parse(msg);
            case 'B' -> bind(msg);
            case 'D' -> describe(msg);
            case 'E' -> execute(msg);
            case 'C' -> close(msg);
            case 'H' -> out.flush();
            default -> throw new PgError("08P01", "unsupported frontend message type '" + type + "'", true);
        }
    }

    private void simpleQuery(String text) {
        List<String> parts = PgSql.split(text);
        if (parts.isEmpty()) {
            out.emptyQueryResponse();
        }
        for (String s : parts) {
            try {
                PgPortal portal = new PgPortal(new PgPrepared(s, new int[0]), List.of(), new short[0]);
                run(portal, 0, true);
            } catch (Exception e) {
                PgError err = translate(e);
                out.error("ERROR", err.sqlState(), err.getMessage());
                break;
            }
        }
        out.readyForQuery(transaction);
    }

    private void parse(PgMessage msg) {
        String name = msg.cstring();
        String query = msg.cstring();
        int n = msg.int16();
        int[] oids = new int[Math.max(n, 0)];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = msg.int32();
        }
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgError("42P05", "prepared statement \"" + name + "\" already exists");
        }
        statements.put(name, new PgPrepared(query, oids));
        out.parseComplete();
    }

    private void bind(PgMessage msg) throws Exception {
        String portalName = msg.cstring();
        String statementName = msg.cstring();
        PgPrepared st = statements.get(statementName);
        if (st == null) {
            throw new PgError("26000", "prepared statement \"" + statementName + "\" does not exist");
        }
        short[] paramFormats = shorts(msg);
        int n = msg.int16();
        List<byte[]> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = msg.int32();
            raw.add(len < 0 ? null : msg.bytes(len));
        }
        short[] resultFormats = shorts(msg);
        int[] types = parameterTypes(st, n);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean binary = paramFormats.length == 1 ? paramFormats[0] == 1 : paramFormats.length > i && paramFormats[i] == 1;
            params.add(PgValues.parameter(raw.get(i), binary, PgType.ofOid(types[i])));
        }
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new PgError("42P03", "cursor \"" + portalName + "\" already exists");
        }
        portals.put(portalName, new PgPortal(st, params, resultFormats));
        out.bindComplete();
    }

    private static short[] shorts(PgMessage msg) {
        int n = msg.int16();
        short[] s = new short[Math.max(n, 0)];
        for (int i = 0; i < s.length; i++) {
            s[i] = msg.int16();
        }
        return s;
    }

    /** The OID of each of {@code n} parameters: as declared, else as the planner infers it for an ad-hoc query. */
    private int[] parameterTypes(PgPrepared st, int n) throws Exception {
        int[] oids = new int[n];
        int[] inferred = null;
        for (int i = 0; i < n; i++) {
            oids[i] = i < st.paramOids.length ? st.paramOids[i] : 0;
            if (oids[i] == 0 && st.kind == PgPrepared.Kind.AD_HOC) {
                if (inferred == null) {
                    inferred = inferredOids(st);
                }
                oids[i] = inferred[i];
            }
        }
        return oids;
    }

    /** For each $n of an ad-hoc query, the type the planner gives its first use. */
    private int[] inferredOids(PgPrepared st) throws Exception {
        int[] jdbc = adHoc().parameterTypes(st.jdbc.sql());
        int[] oids = new int[st.parameterCount()];
        int[] order = st.jdbc.order();
        for (int q = order.length - 1; q >= 0; q--) {
            oids[order[q]] = PgType.ofJdbc(jdbc[q]).oid;
        }
        return oids;
    }

    private void describe(PgMessage msg) throws Exception {
        char what = (char) msg.int8();
        String name = msg.cstring();
        if (what == 'S') {
            PgPrepared st = statements.get(name);
            if (st == null) {
                throw new PgError("26000", "prepared statement \"" + name + "\" does not exist");
            }
            out.parameterDescription(parameterTypes(st, st.parameterCount()));
            List<PgColumn> columns = columns(st);
            if (columns == null) {
                out.noData();
            } else {
                out.rowDescription(columns, new boolean[columns.size()]);
            }
            return;
        }
        PgPortal p = portals.get(name);
        if (p == null) {
            throw new PgError("34000", "portal \"" + name + "\" does not exist");
        }
        p.columns = columns(p.statement);
        if (p.columns == null) {
            out.noData();
        } else {
            out.rowDescription(p.columns, PgPortal.binary(p.resultFormats, p.columns.size()));
        }
    }

    /** The result columns of a statement, or null when it returns no rows. */
    private List<PgColumn> columns(PgPrepared st) throws Exception {
        return switch (st.kind) {
            case AD_HOC -> {
                List<PgColumn> cols = new ArrayList<>();
                for (AdHocColumn c : adHoc().describe(st.jdbc.sql())) {
                    cols.add(new PgColumn(c.name(), PgType.ofJdbc(c.jdbcType())));
                }
                yield cols;
            }
            case PG_SHOW -> List.of(new PgColumn(showName(st.text), PgType.TEXT));
            case DIALECT_ROWS -> List.of(new PgColumn(linesColumn(st.text), PgType.TEXT));
            default -> null;
        };
    }

    private void execute(PgMessage msg) throws Exception {
        String name = msg.cstring();
        int maxRows = msg.int32();
        PgPortal p = portals.get(name);
        if (p == null) {
            throw new PgError("34000", "portal \"" + name + "\" does not exist");
        }
        run(p, maxRows, false);
    }

    private void close(PgMessage msg) {
        char what = (char) msg.int8();
        String name = msg.cstring();
        if (what == 'S') {
            statements.remove(name);
        } else {
            portals.remove(name);
        }
        out.closeComplete();
    }

    /** Runs a portal: its rows (all, or up to {@code maxRows} with the rest kept) then its command tag. */
    private void run(PgPortal p, int maxRows, boolean describe) throws Exception {
        PgPrepared st = p.statement;
        switch (st.kind) {
            case EMPTY -> out.emptyQueryResponse();
            case TRANSACTION -> out.commandComplete(transaction(st.text));
            case PG_SET -> {
                pgSet(st.text);
                out.commandComplete(PgSql.words(st.text, 1).get(0));
            }
            case PG_SHOW -> {
                String name = showName(st.text);
                String value = settings.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                        .findFirst().orElseThrow(() -> new PgError("42704", "unrecognized configuration parameter \"" + name + "\""));
                sendRows(p, List.of(new PgColumn(name, PgType.TEXT)), List.<Object[]>of(new Object[] {value}), describe, maxRows, "SHOW");
            }
            case AD_HOC -> adHocQuery(p, maxRows, describe);
            case SUBSCRIBE -> subscribe(st.text);
            case DIALECT_ROWS, DIALECT -> {
                PgCatalog.Outcome o = server.catalog().execute(st.text);
                if (st.kind == PgPrepared.Kind.DIALECT_ROWS) {
                    List<Object[]> rows = o.lines().stream().map(l -> new Object[] {l}).toList();
                    sendRows(p, List.of(new PgColumn(linesColumn(st.text), PgType.TEXT)), rows, describe, maxRows, null);
                } else {
                    o.lines().forEach(out::notice);
                    out.commandComplete(o.tag());
                }
            }
        }
    }

    private void adHocQuery(PgPortal p, int maxRows, boolean describe) throws Exception {
        if (p.pending != null) {
            sendPending(p, maxRows, "SELECT");
            return;
        }
        List<Object> params = new ArrayList<>();
        for (int index : p.statement.jdbc.order()) {
            if (index >= p.params.size()) {
                throw new PgError("08P01", "the statement uses $" + (index + 1) + " but Bind gave " + p.params.size() + " parameters");
            }
            params.add(p.params.get(index));
        }
        cancelled = false;
        List<Object[]> kept = maxRows > 0 ? new ArrayList<>() : null;
        long n = adHoc().query(p.statement.jdbc.sql(), params, new AdHocRows() {
            private boolean[] binary;

            @Override
            public void columns(List<AdHocColumn> columns) {
                List<PgColumn> cols = new ArrayList<>();
                for (AdHocColumn c : columns) {
                    cols.add(new PgColumn(c.name(), PgType.ofJdbc(c.jdbcType())));
                }
                p.columns = cols;
                binary = PgPortal.binary(p.resultFormats, cols.size());
                if (describe) {
                    out.rowDescription(cols, binary);
                }
            }

            @Override
            public boolean row(Object[] values) {
                if (cancelled) {
                    throw new PgError("57014", "canceling statement due to user request");
                }
                if (kept != null) {
                    kept.add(values);
                } else {
                    out.dataRow(values, p.columns, binary);
                }
                return true;
            }
        });
        if (kept != null) {
            p.pending = kept;
            sendPending(p, maxRows, "SELECT");
        } else {
            out.commandComplete("SELECT " + n);
        }
    }

    private static final java.util.regex.Pattern COPY_SUBSCRIBE = java.util.regex.Pattern.compile(
            "(?is)\\s*COPY\\s*\\(\\s*SUBSCRIBE\\s+(?:TO\\s+)?(\"[^\"]+\"|[\\w$]+)\\s*\\)\\s*TO\\s+STDOUT\\b.*");
    /** Changes a subscription holds for a client that reads slowly, before it is cut off. */
    private static final int SUBSCRIPTION_CAPACITY = 1 << 20;

    /**
     * {@code COPY (SUBSCRIBE [TO] view) TO STDOUT}, as Materialize: the view's rows, then every change, as COPY text
     * lines of version, diff and the row's columns, until the client cancels (psql's Ctrl-C) or goes away.
     */
    private void subscribe(String text) throws Exception {
        java.util.regex.Matcher m = COPY_SUBSCRIBE.matcher(PgSql.stripComments(text));
        if (!m.matches()) {
            throw new PgError("0A000", "SUBSCRIBE streams through COPY: COPY (SUBSCRIBE view) TO STDOUT (a plain result reaches psql"
                    + " only at its end, and a subscription has none)");
        }
        String name = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        io.runnel.sql.live.LiveView view = server.catalog().liveViews().all().stream()
                .filter(v -> m.group(1).startsWith("\"") ? v.name().equals(name) : v.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new PgError("42P01", "materialized view \"" + name + "\" does not exist (SUBSCRIBE reads materialized views)"));
        cancelled = false;
        try (io.runnel.sql.live.ViewSubscription sub = view.table().subscribe(SUBSCRIPTION_CAPACITY)) {
            out.copyOutResponse(view.rowType().getFieldCount() + 2);
            long lines = 0;
            while (!cancelled && channel.isActive()) {
                io.runnel.sql.live.ViewSubscription.Change c = sub.poll(100);
                if (c == null) {
                    out.flush();
                    continue;
                }
                out.copyData(copyLine(c));
                lines++;
            }
            if (cancelled) {
                out.copyDone();
                throw new PgError("57014", "canceling statement due to user request (" + lines + " changes sent)");
            }
        } catch (IllegalStateException e) {
            throw new PgError("53000", e.getMessage());
        }
    }

    /** A change as a line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static byte[] copyLine(io.runnel.sql.live.ViewSubscription.Change c) {
        StringBuilder sb = new StringBuilder().append(c.version()).append('\t').append(c.diff());
        for (Object v : c.fields()) {
            sb.append('\t');
            if (v == null) {
                sb.append("\\N");
                continue;
            }
            String s = new String(PgValues.text(v), java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        }
        return sb.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void sendRows(PgPortal p, List<PgColumn> columns, List<Object[]> rows, boolean describe, int maxRows, String tag) {
        p.columns = columns;
        if (describe) {
            out.rowDescription(columns, PgPortal.binary(p.resultFormats, columns.size()));
        }
        p.pending = rows;
        sendPending(p, maxRows, tag == null ? "SELECT" : tag);
    }

    private void sendPending(PgPortal p, int maxRows, String tag) {
        boolean[] binary = PgPortal.binary(p.resultFormats, p.columns.size());
        int end = maxRows > 0 ? Math.min(p.pending.size(), p.sent + maxRows) : p.pending.size();
        for (int i = p.sent; i < end; i++) {
            out.dataRow(p.pending.get(i), p.columns, binary);
        }
        p.sent = end;
        if (end < p.pending.size()) {
            out.portalSuspended();
        } else {
            out.commandComplete(tag.equals("SELECT") ? "SELECT " + p.pending.size() : tag);
        }
    }

    private String transaction(String text) {
        String w = PgSql.words(text, 1).get(0);
        return switch (w) {
            case "BEGIN", "START" -> {
                transaction = 'T';
                yield "BEGIN";
            }
            case "ROLLBACK", "ABORT" -> {
                transaction = 'I';
                yield "ROLLBACK";
            }
            default -> {
                transaction = 'I';
                yield "COMMIT";
            }
        };
    }

    /** PostgreSQL's {@code SET [SESSION | LOCAL] name { = | TO } value}: kept for SHOW; nothing else reads it. */
    private void pgSet(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?is)\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([A-Za-z_][\\w.]*)\\s*(?:=|\\s+TO\\s+)\\s*(.*?)\\s*").matcher(PgSql.stripComments(text));
        if (m.matches()) {
            String value = m.group(2);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            settings.put(m.group(1), value);
        }
    }

    private static String showName(String text) {
        List<String> w = PgSql.words(text, 3);
        String name = w.size() > 1 ? w.get(1) : "";
        if (name.equals("TRANSACTION") && w.size() > 2) {
            return "transaction_isolation";
        }
        return name.toLowerCase(Locale.ROOT).replace("\"", "");
    }

    private static String linesColumn(String text) {
        return switch (PgSql.words(text, 1).get(0)) {
            case "SHOW" -> "name";
            case "EXPLAIN" -> "QUERY PLAN";
            case "SET" -> "option";
            default -> "column";
        };
    }

    private AdHocSession adHoc() {
        if (adHoc == null) {
            adHoc = new AdHocSession(server.catalog().liveViews(), new io.runnel.sql.BoundedTableReads(server.catalog().sql()));
        }
        return adHoc;
    }

    /** An exception from the planner, the parser or the executor as an ErrorResponse with a fitting SQLSTATE. */
    private static PgError translate(Exception e) {
        if (e instanceof PgError p) {
            return p;
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof SqlParseError) {
            return new PgError("42601", m);
        }
        if (e instanceof SQLException s) {
            if (m.contains("not found")) {
                return new PgError("42P01", m);
            }
            if (s.getCause() instanceof PgError p) {
                return p;
            }
            Throwable t = s;
            while (t != null) {
                if (t instanceof PgError p) {
                    return p;
                }
                t = t.getCause();
            }
            return new PgError(m.contains("parse") || m.contains("Encountered") ? "42601" : "42000", m);
        }
        if (e instanceof SqlPlanningException || e instanceof IllegalArgumentException) {
            return new PgError("42000", m);
        }
        LOG.warn("statement failed", e);
        return new PgError("XX000", m);
    }
}
