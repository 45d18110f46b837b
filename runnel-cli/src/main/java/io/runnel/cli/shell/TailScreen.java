package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * Rows printed as they come, never redrawn ('tableau' mode, and any terminal that cannot move its cursor): the
 * status is the last line, rewritten in place, and each batch of rows is printed over it before it is drawn again.
 * Nothing is kept but the widths.
 */
final class TailScreen implements Screen {
    private final Terminal terminal;
    private final TableauPrinter printer;
    private final boolean canRewrite;
    private boolean headerDone;
    private boolean statusShown;
    private long rows;

    TailScreen(Terminal terminal, TableauPrinter printer, boolean canRewrite) {
        this.terminal = terminal;
        this.printer = printer;
        this.canRewrite = canRewrite;
    }

    @Override
    public void rows(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        clearStatus();
        PrintWriter out = terminal.writer();
        if (!headerDone) {
            printer.header().forEach(out::println);
            headerDone = true;
        }
        for (Row r : batch) {
            out.println(printer.line(r));
        }
        rows += batch.size();
    }

    @Override
    public void frame(StatusText status) {
        if (!canRewrite) {
            terminal.flush();
            return; // without a carriage return that works, a status per frame would fill the screen
        }
        clearStatus();
        String text = status.text(summary());
        int width = terminal.getWidth() > 1 ? terminal.getWidth() - 1 : 79;
        terminal.writer().print(text.length() <= width ? text : text.substring(0, width)); // a wrapped status would not be cleared
        statusShown = true;
        terminal.flush();
    }

    @Override
    public void finish(StatusText status) {
        clearStatus();
        PrintWriter out = terminal.writer();
        if (headerDone) {
            out.println(printer.footer());
        }
        out.println(status.text(summary()));
        terminal.flush();
    }

    private String summary() {
        return String.format("%,d rows printed", rows);
    }

    private void clearStatus() {
        if (statusShown) {
            terminal.writer().print('\r');
            terminal.writer().flush();
            terminal.puts(Capability.clr_eol);
            statusShown = false;
        }
    }
}
