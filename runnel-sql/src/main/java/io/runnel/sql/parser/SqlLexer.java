package io.runnel.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one statement into tokens, skipping comments; back-ticked identifiers lose their quotes ({@code ``} is a
 * back-tick) and string literals theirs ({@code ''} is a quote). Only the front parser uses it: Calcite lexes the
 * expressions and queries itself.
 */
final class SqlLexer {
    private final String text;
    private final SourcePosition position;
    private int pos;

    private SqlLexer(String text, SourcePosition position) {
        this.text = text;
        this.position = position;
    }

    static List<Token> tokenize(String text, SourcePosition position) {
        return new SqlLexer(text, position).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '`') {
            return new Token(Token.Kind.QUOTED_IDENTIFIER, quoted('`'), start, pos);
        }
        if (c == '\'') {
            return new Token(Token.Kind.STRING, quoted('\''), start, pos);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Token.Kind.WORD, text.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos);
        }
        pos++;
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    private String quoted(char quote) {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw position.error(start, "unterminated " + (quote == '`' ? "quoted identifier" : "string literal"));
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                int eol = text.indexOf('\n', pos);
                pos = eol < 0 ? text.length() : eol + 1;
            } else if (text.startsWith("/*", pos) && !text.startsWith("/*+", pos)) {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw position.error(pos, "unterminated comment");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }
}
