package io.runnel.bench.nexmark.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Nexmark q13's bounded side input: a CSV file of {@code key,value} rows {@code i,i} for i in 0..9999, as the
 * nexmark repository's side-input generator writes it; {@code ${NEXMARK_SIDE_INPUT}} in a script names it.
 */
final class SideInput {
    static final String PLACEHOLDER = "${NEXMARK_SIDE_INPUT}";
    static final int ROWS = 10_000;

    private SideInput() {}

    /** The script with the placeholder replaced by a freshly written side-input file (deleted when the JVM exits). */
    static String substitute(String script) {
        if (!script.contains(PLACEHOLDER)) {
            return script;
        }
        try {
            Path file = Files.createTempFile("nexmark-side-input", ".csv");
            file.toFile().deleteOnExit();
            List<String> lines = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                lines.add(i + "," + i);
            }
            Files.write(file, lines);
            return script.replace(PLACEHOLDER, file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Nexmark's side input file: " + e.getMessage(), e);
        }
    }
}
