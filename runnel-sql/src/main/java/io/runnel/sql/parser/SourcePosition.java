package io.runnel.sql.parser;

/**
 * Where a statement's text starts in its script, to turn offsets in the statement (or positions Calcite reports for a
 * piece of it) into the script's line and column.
 */
record SourcePosition(String text, int line, int column) {
    static SourcePosition of(String text) {
        return new SourcePosition(text, 1, 1);
    }

    SqlParseError error(int offset, String message) {
        int[] lc = lineColumn(offset);
        return new SqlParseError(lc[0], lc[1], message);
    }

    /** The script's {line, column} of an offset in this text. */
    int[] lineColumn(int offset) {
        int l = line;
        int c = column;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        return new int[] {l, c};
    }

    /** The position of a piece of this text starting at {@code offset}. */
    SourcePosition at(int offset, int endOffset) {
        int[] lc = lineColumn(offset);
        return new SourcePosition(text.substring(offset, endOffset), lc[0], lc[1]);
    }

    /** Turns a (1-based) line and column within this text into the script's. */
    SqlParseError errorAt(int innerLine, int innerColumn, String message) {
        int l = line + innerLine - 1;
        int c = innerLine == 1 ? column + innerColumn - 1 : innerColumn;
        return new SqlParseError(l, c, message);
    }
}
