package io.runnel.connectors.file;

import io.runnel.api.connector.SinkContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers over a sink's output folder: all names, the visible (committed) ones, their lines. */
final class PartFolder {
    private PartFolder() {}

    static SinkContext subtask(int index) {
        return new SinkContext() {
            @Override
            public int subtaskIndex() {
                return index;
            }

            @Override
            public int parallelism() {
                return 4;
            }
        };
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> visible(Path dir) throws IOException {
        return names(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }

    static List<String> hidden(Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.startsWith(".")).toList();
    }

    /** Every line of every committed file, files in name order: what a reader of the output sees. */
    static List<String> output(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : visible(dir)) lines.addAll(Files.readAllLines(dir.resolve(name)));
        return lines;
    }
}
