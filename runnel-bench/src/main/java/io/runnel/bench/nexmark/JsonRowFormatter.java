package io.runnel.bench.nexmark;

import io.runnel.connectors.file.LineFormatter;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.EventJson;
import io.runnel.connectors.nexmark.JsonRow;

/**
 * A Nexmark row (or an event, for q0) as the one-line JSON of the Flink anchor's oracle files, for
 * a {@link io.runnel.connectors.file.FileSink}. Stateless, so one instance may serve every subtask.
 */
public final class JsonRowFormatter<T> implements LineFormatter<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public String format(T record) {
        StringBuilder line = new StringBuilder(256);
        if (record instanceof JsonRow r) r.appendJson(line);
        else if (record instanceof Event e) EventJson.append(line, e);
        else throw new IllegalArgumentException("cannot write " + record.getClass().getName() + " as a Nexmark JSON row");
        return line.toString();
    }
}
