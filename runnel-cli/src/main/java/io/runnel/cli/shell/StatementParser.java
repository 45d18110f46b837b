package io.runnel.cli.shell;

import io.runnel.sql.parser.ScriptStatement;
import io.runnel.sql.parser.SqlScript;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Keeps the line reader's buffer open (a secondary prompt) until it ends with a statement's {@code ;}. Where a
 * {@code ;} ends a statement is decided by {@link SqlScript#split}, the lexer the statements are parsed with, so a
 * {@code ;} in a string, a quoted name or a comment does not end one, and neither does one inside
 * {@code EXECUTE STATEMENT SET BEGIN ... END}; a string still open is {@link OpenQuote}'s to tell. Words for completion are split as JLine's default parser does.
 */
final class StatementParser extends DefaultParser {
    StatementParser() {
        setEofOnUnclosedQuote(false); // SQL doubles quotes and has comments: completeness is decided below, not here
        setEofOnEscapedNewLine(false);
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
            throw new EOFError(-1, -1, "the statement is not ended by ;", ";");
        }
        return super.parse(line, cursor, context);
    }

    /**
     * Whether {@code text} can run: blank or comments only, a shell word without its {@code ;} (QUIT, EXIT, HELP),
     * or statements of which the last ends with {@code ;}.
     */
    static boolean isComplete(String text) {
        List<ScriptStatement> statements = SqlScript.split(text);
        if (OpenQuote.endsInside(text)) {
            return false;
        }
        if (statements.isEmpty() || ShellCommand.isBareWord(text)) {
            return true;
        }
        // a word after the text is a statement of its own only if the text's last statement was ended
        List<ScriptStatement> probed = SqlScript.split(text + "\nx");
        return probed.size() == statements.size() + 1;
    }

    /** The statements of a complete buffer, each without its {@code ;}. */
    static List<String> statements(String text) {
        if (ShellCommand.isBareWord(text)) {
            return List.of(text.strip().toUpperCase(Locale.ROOT));
        }
        return SqlScript.split(text).stream().map(ScriptStatement::text).toList();
    }
}
