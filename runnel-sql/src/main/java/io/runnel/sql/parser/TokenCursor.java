package io.runnel.sql.parser;

import java.util.List;

/** Reads a statement's tokens one by one, with errors at the offending token's line and column. */
final class TokenCursor {
    private final List<Token> tokens;
    private final SourcePosition source;
    private int index;

    TokenCursor(SourcePosition source) {
        this.source = source;
        this.tokens = SqlLexer.tokenize(source.text(), source);
    }

    SourcePosition source() {
        return source;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    /** Consumes the words if they come next (all of them), else nothing. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).is(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    void expectWord(String... words) {
        for (String w : words) {
            if (!peek().is(w)) {
                throw unexpected(w);
            }
            next();
        }
    }

    String expectWord(String what) {
        if (peek().kind() != Token.Kind.WORD) {
            throw unexpected(what);
        }
        return next().text();
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected("\"" + symbol + "\"");
        }
    }

    String expectIdentifier(String what) {
        if (!peek().isIdentifier()) {
            throw unexpected(what);
        }
        return next().text();
    }

    /** A possibly dotted name, its parts joined by {@code .}. */
    String expectName(String what) {
        StringBuilder sb = new StringBuilder(expectIdentifier(what));
        while (peek().isSymbol(".") && peek(1).isIdentifier()) {
            next();
            sb.append('.').append(next().text());
        }
        return sb.toString();
    }

    String expectString(String what) {
        if (peek().kind() != Token.Kind.STRING) {
            throw unexpected(what);
        }
        return next().text();
    }

    int expectInt(String what) {
        if (peek().kind() != Token.Kind.NUMBER) {
            throw unexpected(what);
        }
        return Integer.parseInt(next().text());
    }

    void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw unexpected("the end of the statement");
        }
    }

    /** Skips to the next {@code ,} or closing {@code )} outside parentheses, brackets and angle-free text. */
    int skipExpression() {
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF || depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                return t.start();
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && (t.is("COMMENT") && peek(1).kind() == Token.Kind.STRING)) {
                return t.start();
            }
            next();
        }
    }

    SqlParseError unexpected(String expected) {
        Token t = peek();
        String found = t.kind() == Token.Kind.EOF ? "<EOF>" : "\"" + source.text().substring(t.start(), t.end()) + "\"";
        return source.error(t.start(), "Encountered " + found + ", expected " + expected);
    }

    SqlParseError error(Token at, String message) {
        return source.error(at.start(), message);
    }
}
