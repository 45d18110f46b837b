package io.runnel.cli.shell;

import io.runnel.sql.SqlEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes keywords, the catalog's tables and views, and column names: of the tables the statement names so far,
 * or of every table while it names none. The names are read from the catalog at each completion, so a table
 * created a moment ago completes. JLine keeps the candidates that start with the word typed.
 */
final class SqlCompleter implements Completer {
    private static final Pattern WORD = Pattern.compile("[\\w$]+");
    private final SqlEnvironment sql;

    SqlCompleter(SqlEnvironment sql) {
        this.sql = sql;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> tables = sql.tableNames();
        for (String t : tables) {
            candidates.add(new Candidate(t, t, "tables", null, null, null, true));
        }
        for (String c : columns(line.line(), tables)) {
            candidates.add(new Candidate(c, c, "columns", null, null, null, true));
        }
        for (String k : SqlKeywords.ALL) {
            candidates.add(new Candidate(k, k, "keywords", null, null, null, true));
        }
    }

    /** Every word completion offers for {@code buffer}: tables, then columns, then keywords. */
    List<String> candidates(String buffer) {
        List<String> tables = sql.tableNames();
        List<String> out = new ArrayList<>(tables);
        out.addAll(columns(buffer, tables));
        out.addAll(SqlKeywords.ALL);
        return out;
    }

    /** The columns of the tables {@code buffer} names, or of all tables if it names none; each name once. */
    Set<String> columns(String buffer, List<String> tables) {
        Set<String> words = new LinkedHashSet<>();
        WORD.matcher(buffer.toLowerCase(Locale.ROOT)).results().forEach(m -> words.add(m.group()));
        List<String> named = tables.stream().filter(t -> words.contains(t.toLowerCase(Locale.ROOT))).toList();
        Set<String> out = new LinkedHashSet<>();
        for (String t : named.isEmpty() ? tables : named) {
            out.addAll(sql.columnNames(t));
        }
        return out;
    }
}
