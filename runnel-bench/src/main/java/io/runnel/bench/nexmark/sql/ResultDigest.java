package io.runnel.bench.nexmark.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A result's JSON lines reduced to a row count and a SHA-256 over the sorted, normalized lines, so a result can be
 * compared with another engine's (the Flink SQL anchor's oracle files) without storing it: numbers are compared as
 * values ({@code 908.000} equals {@code 908}), fields in the query's order. {@code main} prints
 * {@code <rows> <sha256>} for a file or a directory of part files (hidden files skipped).
 */
public final class ResultDigest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultDigest() {}

    public record Digest(long rows, String sha256) {
        @Override
        public String toString() {
            return rows + " " + sha256;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(of(Path.of(args[0])));
    }

    /** The digest of a file, or of every non-hidden file under a directory. */
    public static Digest of(Path fileOrDir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : files(fileOrDir)) {
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    lines.add(normalize(line));
                }
            }
        }
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update(l.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new Digest(lines.size(), HexFormat.of().formatHex(sha.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sorted, normalized lines themselves, to show a difference. */
    public static List<String> lines(Path fileOrDir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : files(fileOrDir)) {
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    lines.add(normalize(line));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static List<Path> files(Path fileOrDir) throws IOException {
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> s = Files.walk(fileOrDir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static String normalize(String line) throws IOException {
        JsonNode row = JSON.readTree(line);
        ObjectNode out = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            out.set(f.getKey(), v.isNumber() ? DecimalNode.valueOf(plain(v.decimalValue())) : v);
        }
        return JSON.writeValueAsString(out);
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
