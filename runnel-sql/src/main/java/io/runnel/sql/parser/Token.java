package io.runnel.sql.parser;

/** One lexical token of a statement: {@code start}/{@code end} are offsets into the statement's text. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, EOF }

    /** True for an unquoted word equal (ignoring case) to {@code keyword}. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
