package io.runnel.cli.shell;

/**
 * Whether a text ends inside a string, a back-quoted name or a block comment. The statement splitter's lexer does
 * not flag a string left open (its {@code '} then lexes as a lone character and a later {@code ;} counts), so the
 * shell checks this itself before asking where statements end: a line typed inside a string goes on the next line.
 */
final class OpenQuote {
    private OpenQuote() {}

    static boolean endsInside(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '\'' || c == '`') {
                int close = closing(text, i + 1, c);
                if (close < 0) {
                    return true;
                }
                i = close;
            } else if (c == '-' && next == '-') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 1;
            }
        }
        return false;
    }

    /** The index of the quote that closes one opened before {@code from}, a doubled quote being part of the text; -1 if none. */
    private static int closing(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
