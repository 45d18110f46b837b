package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;

/**
 * A view redrawn in place below the prompt on each frame ('table' and 'changelog' modes). JLine's {@link Display}
 * rewrites only the lines that changed; the view is cut to the terminal's height and width so a frame never scrolls
 * (a scrolled frame could not be redrawn in place).
 */
final class RedrawScreen implements Screen {
    /** Lines a frame takes besides its rows: three for the header, one border under the rows, a blank and the status. */
    private static final int CHROME = 6;
    private final Terminal terminal;
    private final ResultView view;
    private final Display display;

    RedrawScreen(Terminal terminal, ResultView view) {
        this.terminal = terminal;
        this.view = view;
        this.display = new Display(terminal, false);
    }

    @Override
    public void rows(List<Row> rows) {
        for (Row r : rows) {
            view.accept(r);
        }
    }

    @Override
    public void frame(StatusText status) {
        draw(status);
    }

    @Override
    public void finish(StatusText status) {
        draw(status);
        terminal.writer().println();
        terminal.flush();
    }

    private void draw(StatusText status) {
        Size size = terminal.getSize();
        int height = size.getRows() > 0 ? size.getRows() : 24;
        int width = size.getColumns() > 0 ? size.getColumns() : 80;
        int maxRows = Math.max(1, height - CHROME - 1); // one line left for the prompt that follows
        List<AttributedString> lines = new ArrayList<>();
        for (String l : view.lines(maxRows)) {
            lines.add(fit(new AttributedString(l), width));
        }
        lines.add(AttributedString.EMPTY);
        lines.add(fit(new AttributedString(status.text(view.summary(maxRows)), AttributedStyle.BOLD), width));
        display.resize(height, width);
        AttributedString last = lines.get(lines.size() - 1);
        display.update(lines, Size.of(width, height).cursorPos(lines.size() - 1, last.columnLength()));
        terminal.flush();
    }

    /** Cut to one column less than the width: a line that fills the width makes some terminals wrap the cursor. */
    private static AttributedString fit(AttributedString line, int width) {
        return line.columnLength() < width ? line : line.columnSubSequence(0, width - 1);
    }
}
