package io.runnel.log;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code topic.metadata} file in each partition directory: a Java properties text file with
 * {@code version=0}, {@code topic.id=<uuid>} and the topic's config overrides as
 * {@code config.<name>=<value>}. Every partition directory holds an identical copy, written
 * atomically ({@link AtomicFiles}).
 */
final class TopicMetadataFile {
    static final String NAME = "topic.metadata";
    private static final String CONFIG_PREFIX = "config.";

    private TopicMetadataFile() {
    }

    record Contents(UUID topicId, Map<String, String> overrides) {
    }

    static void write(Path partitionDir, Contents contents) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", "0");
        p.setProperty("topic.id", contents.topicId().toString());
        contents.overrides().forEach((k, v) -> p.setProperty(CONFIG_PREFIX + k, v));
        StringWriter w = new StringWriter();
        p.store(w, null);
        AtomicFiles.write(partitionDir.resolve(NAME), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the file, or returns null if it does not exist. */
    static Contents read(Path partitionDir) throws IOException {
        Path file = partitionDir.resolve(NAME);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String id = p.getProperty("topic.id");
        if (id == null) {
            throw new LogException(file + ": no topic.id");
        }
        Map<String, String> overrides = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(CONFIG_PREFIX)) {
                overrides.put(name.substring(CONFIG_PREFIX.length()), p.getProperty(name));
            }
        }
        try {
            return new Contents(UUID.fromString(id), overrides);
        } catch (IllegalArgumentException e) {
            throw new LogException(file + ": bad topic.id '" + id + "'", e);
        }
    }
}
