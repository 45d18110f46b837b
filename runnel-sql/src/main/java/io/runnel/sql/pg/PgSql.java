package io.runnel.sql.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The little lexing the endpoint does itself: a simple Query's text cut into statements at the semicolons outside
 * strings, quoted names and comments, and PostgreSQL's {@code $n} parameters turned into JDBC's {@code ?}.
 */
final class PgSql {
    private PgSql() {}

    /** A statement's text with {@code ?} for each {@code $n}, and which parameter each {@code ?} takes (0-based). */
    record Positional(String sql, int[] order) {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                add(out, text.substring(start, i));
                start = ++i;
            } else {
                i = skip(text, i);
            }
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String s) {
        if (!stripComments(s).isBlank()) {
            out.add(s.strip());
        }
    }

    /** The index after the token at {@code i}: a whole string, quoted name or comment, else one character. */
    private static int skip(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < s.length()) {
                if (s.charAt(j) == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return s.length();
        }
        if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl + 1;
        }
        if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        return i + 1;
    }

    static String stripComments(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int next = skip(s, i);
            boolean comment = s.startsWith("--", i) || s.startsWith("/*", i);
            if (!comment) {
                sb.append(s, i, next);
            } else {
                sb.append(' ');
            }
            i = next;
        }
        return sb.toString();
    }

    static Positional positional(String s) {
        StringBuilder sb = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                order.add(Integer.parseInt(s.substring(i + 1, j)) - 1);
                sb.append('?');
                i = j;
                continue;
            }
            int next = skip(s, i);
            sb.append(s, i, next);
            i = next;
        }
        return new Positional(sb.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The statement's first words, upper-cased, comments aside: what kind of statement it is. */
    static List<String> words(String s, int n) {
        List<String> out = new ArrayList<>();
        for (String w : stripComments(s).strip().split("[\\s(;]+")) {
            if (!w.isEmpty()) {
                out.add(w.toUpperCase(Locale.ROOT));
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
    }
}
