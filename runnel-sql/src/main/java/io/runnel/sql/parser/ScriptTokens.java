package io.runnel.sql.parser;

import io.runnel.sql.parser.impl.RunnelSqlParserImpl;
import io.runnel.sql.parser.impl.RunnelSqlParserImplConstants;
import io.runnel.sql.parser.impl.Token;
import io.runnel.sql.parser.impl.TokenMgrError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * A text's tokens as the generated parser's own lexer reads them (Flink's lexical rules: back-ticks, comments and
 * strings), each with its offset, so a script is cut into statements by the same rules its statements parse with.
 */
final class ScriptTokens {
    /** A token's kind (one of {@link RunnelSqlParserImplConstants}) and where it starts and ends in the text. */
    record Tok(int kind, int start, int end) {
        boolean is(int k) {
            return kind == k;
        }
    }

    private ScriptTokens() {}

    /**
     * The tokens up to the end, without the end marker; a lexical error (an unterminated string) ends the list early,
     * with the rest of the text as one last token, left for the parser to report with its position.
     */
    static List<Tok> of(String text) {
        RunnelSqlParserImpl lexer = (RunnelSqlParserImpl) RunnelSqlParserImpl.FACTORY.getParser(new StringReader(text));
        lexer.setTabSize(1);
        lexer.switchTo(SqlAbstractParserImpl.LexicalState.BTID);
        int[] lineStarts = lineStarts(text);
        List<Tok> out = new ArrayList<>();
        try {
            for (Token t = lexer.getNextToken(); t.kind != RunnelSqlParserImplConstants.EOF; t = lexer.getNextToken()) {
                int start = offset(lineStarts, t.beginLine, t.beginColumn);
                int end = offset(lineStarts, t.endLine, t.endColumn) + 1;
                out.add(new Tok(t.kind, start, Math.min(end, text.length())));
            }
        } catch (TokenMgrError e) {
            int from = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
            out.add(new Tok(-1, from, text.length()));
        }
        return out;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int offset(int[] lineStarts, int line, int column) {
        return lineStarts[Math.min(line, lineStarts.length) - 1] + column - 1;
    }
}
