package io.runnel.sql.connect.kafka;

import io.runnel.connectors.kafka.DeliveryGuarantee;
import io.runnel.connectors.kafka.StartingOffsets;
import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.format.Formats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/**
 * A Kafka table's options, checked, as Flink names them: {@code topic} (several separated by {@code ;} to read),
 * {@code properties.*} (client properties, {@code properties.bootstrap.servers} required), {@code scan.startup.mode}
 * ({@code earliest-offset}, {@code latest-offset}, {@code group-offsets}, {@code timestamp} with
 * {@code scan.startup.timestamp-millis}, {@code specific-offsets} with {@code scan.startup.specific-offsets}
 * as {@code partition:0,offset:42;partition:1,offset:300}, others from their first), {@code scan.bounded.mode}
 * ({@code unbounded}, {@code latest-offset}: stop at the end offsets seen at start, {@code timestamp} with
 * {@code scan.bounded.timestamp-millis}, {@code specific-offsets} with {@code scan.bounded.specific-offsets}), {@code format} or
 * {@code value.format}, {@code key.format} with {@code key.fields} (upsert-kafka: the primary key),
 * {@code key.fields-prefix}, {@code value.fields-include} ({@code ALL}, {@code EXCEPT_KEY}),
 * {@code sink.delivery-guarantee} ({@code at-least-once}, {@code exactly-once}, {@code none}) and
 * {@code sink.transactional-id-prefix}, {@code sink.partitioner} ({@code default}: the key's hash, or spread;
 * {@code fixed}: each sink subtask to one partition; {@code round-robin}; or a Kafka {@code Partitioner} class), and
 * {@code topic-pattern} instead of {@code topic} for reading.
 */
final class KafkaTableOptions {
    static final Set<String> KNOWN = Set.of("topic", "topic-pattern", "scan.startup.mode", "scan.startup.timestamp-millis",
            "scan.startup.specific-offsets", "scan.bounded.mode", "scan.bounded.timestamp-millis",
            "scan.bounded.specific-offsets", "format", "value.format",
            "key.format", "key.fields", "key.fields-prefix", "value.fields-include", "sink.delivery-guarantee",
            "sink.transactional-id-prefix", "sink.partitioner");

    final ConnectorOptions options;
    final List<String> topics;
    final Map<String, String> properties = new LinkedHashMap<>();
    final StartingOffsets startup;
    /** With {@code timestamp}: the milliseconds; with {@code specific-offsets}: partition -> offset. */
    final long startTimestamp;
    final Map<Integer, Long> startOffsets = new LinkedHashMap<>();
    /** Where a bounded read stops: before a timestamp (-1: not), before given offsets (partition -> offset). */
    final long stopTimestamp;
    final Map<Integer, Long> stopOffsets = new LinkedHashMap<>();
    final boolean bounded;
    final String valueFormatKey;
    final String keyFormat;
    /** Physical indexes of the key's columns and the value's, in physical order. */
    final int[] keyFields;
    final int[] valueFields;
    final String keyPrefix;
    final DeliveryGuarantee guarantee;
    final String transactionalIdPrefix;
    /**
     * A class named as {@code sink.partitioner}: it must be on the classpath and implement Kafka's producer
     * {@code Partitioner} (Flink's names a {@code FlinkKafkaPartitioner}; the producer here takes Kafka's own interface).
     */
    private String partitionerClass(String name) {
        Class<?> c;
        try {
            c = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw options.error("'sink.partitioner' = '" + name + "' is not a partitioner (default, fixed, round-robin) nor a class"
                    + " on the classpath");
        }
        if (!org.apache.kafka.clients.producer.Partitioner.class.isAssignableFrom(c)) {
            throw options.error("'sink.partitioner' = '" + name + "': the class must implement "
                    + org.apache.kafka.clients.producer.Partitioner.class.getName());
        }
        return name;
    }

    /** The producer's {@code partitioner.class} for {@code sink.partitioner}; null for Kafka's default. */
    final String partitionerClass;
    /** {@code 'topic-pattern'}: the topics are those matching it when the job starts; null when {@code 'topic'} names them. */
    final String topicPattern;

    KafkaTableOptions(String table, String connector, Map<String, String> raw, RelDataType physical, int[] primaryKey,
                      boolean upsert) {
        options = new ConnectorOptions(table, connector, raw);
        valueFormatKey = options.has("value.format") ? "value.format" : "format";
        if (options.has("value.format") && options.has("format")) {
            throw options.error("set 'format' or 'value.format', not both");
        }
        List<String> prefixes = new ArrayList<>(List.of("properties."));
        prefixes.addAll(List.of(Formats.optionPrefixes(options, valueFormatKey)));
        prefixes.addAll(List.of(Formats.optionPrefixes(options, "key.format")));
        options.checkKnown(KNOWN, prefixes.toArray(String[]::new));
        topicPattern = options.get("topic-pattern");
        if (topicPattern != null && options.has("topic")) {
            throw options.error("set 'topic' or 'topic-pattern', not both");
        }
        topics = topicPattern != null ? List.of()
                : Arrays.stream(options.required("topic").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        raw.forEach((k, v) -> {
            if (k.startsWith("properties.")) {
                properties.put(k.substring("properties.".length()), v);
            }
        });
        if (!properties.containsKey("bootstrap.servers")) {
            throw options.error("needs option 'properties.bootstrap.servers'");
        }
        startup = switch (options.get("scan.startup.mode", upsert ? "earliest-offset" : "group-offsets").toLowerCase(Locale.ROOT)) {
            case "earliest-offset" -> StartingOffsets.EARLIEST;
            case "latest-offset" -> StartingOffsets.LATEST;
            case "group-offsets" -> StartingOffsets.COMMITTED_OR_EARLIEST;
            case "timestamp" -> StartingOffsets.TIMESTAMP;
            case "specific-offsets" -> StartingOffsets.SPECIFIC_OFFSETS;
            default -> throw options.error("'scan.startup.mode' = '" + options.get("scan.startup.mode")
                    + "' is not a startup mode (earliest-offset, latest-offset, group-offsets, timestamp, specific-offsets)");
        };
        startTimestamp = startup == StartingOffsets.TIMESTAMP ? timestamp("scan.startup") : -1;
        if (startup != StartingOffsets.TIMESTAMP && options.has("scan.startup.timestamp-millis")) {
            throw options.error("'scan.startup.timestamp-millis' needs 'scan.startup.mode' = 'timestamp'");
        }
        if (startup == StartingOffsets.SPECIFIC_OFFSETS) {
            specificOffsets("scan.startup", startOffsets);
        } else if (options.has("scan.startup.specific-offsets")) {
            throw options.error("'scan.startup.specific-offsets' needs 'scan.startup.mode' = 'specific-offsets'");
        }
        if (startup == StartingOffsets.COMMITTED_OR_EARLIEST && options.has("scan.startup.mode") && !properties.containsKey("group.id")) {
            throw options.error("'scan.startup.mode' = 'group-offsets' needs 'properties.group.id'");
        }
        String boundedMode = options.get("scan.bounded.mode", "unbounded").toLowerCase(Locale.ROOT);
        bounded = switch (boundedMode) {
            case "unbounded" -> false;
            case "latest-offset", "timestamp", "specific-offsets" -> true;
            default -> throw options.error("'scan.bounded.mode' = '" + options.get("scan.bounded.mode")
                    + "' is not supported (unbounded, latest-offset, timestamp, specific-offsets)");
        };
        stopTimestamp = boundedMode.equals("timestamp") ? timestamp("scan.bounded") : -1;
        if (!boundedMode.equals("timestamp") && options.has("scan.bounded.timestamp-millis")) {
            throw options.error("'scan.bounded.timestamp-millis' needs 'scan.bounded.mode' = 'timestamp'");
        }
        if (boundedMode.equals("specific-offsets")) {
            specificOffsets("scan.bounded", stopOffsets);
        } else if (options.has("scan.bounded.specific-offsets")) {
            throw options.error("'scan.bounded.specific-offsets' needs 'scan.bounded.mode' = 'specific-offsets'");
        }
        String partitioner = options.get("sink.partitioner", "default").trim();
        if (upsert && options.has("sink.partitioner")) {
            throw options.error("'sink.partitioner' is not for upsert-kafka: a row goes to its key's partition");
        }
        switch (partitioner.toLowerCase(Locale.ROOT)) {
            case "default" -> partitionerClass = null;
            case "fixed" -> partitionerClass = io.runnel.connectors.kafka.FixedSubtaskPartitioner.class.getName();
            case "round-robin" -> partitionerClass = org.apache.kafka.clients.producer.RoundRobinPartitioner.class.getName();
            default -> partitionerClass = partitionerClass(partitioner);
        }
        Formats.name(options, valueFormatKey);
        keyFormat = Formats.name(options, "key.format");
        keyPrefix = options.get("key.fields-prefix", "");
        List<String> names = physical.getFieldNames();
        if (upsert) {
            if (primaryKey.length == 0) {
                throw options.error("an upsert-kafka table needs a PRIMARY KEY (...) NOT ENFORCED: its key identifies a row");
            }
            if (options.has("key.fields")) {
                throw options.error("'key.fields' is not for upsert-kafka: its key is the PRIMARY KEY");
            }
            if (keyFormat == null) {
                throw options.error("needs option 'key.format'");
            }
            if (!options.has("value.format")) {
                throw options.error("needs option 'value.format'");
            }
            keyFields = primaryKey.clone();
            Arrays.sort(keyFields);
        } else if (options.has("key.fields")) {
            if (keyFormat == null) {
                throw options.error("'key.fields' needs 'key.format'");
            }
            keyFields = Arrays.stream(options.get("key.fields").split(";")).map(String::trim).mapToInt(f -> {
                int i = names.indexOf(f);
                if (i < 0) {
                    throw options.error("'key.fields' names " + f + ", which is not a physical column (" + String.join(", ", names) + ")");
                }
                return i;
            }).toArray();
        } else {
            if (keyFormat != null) {
                throw options.error("'key.format' needs 'key.fields'");
            }
            keyFields = new int[0];
        }
        for (int k : keyFields) {
            if (!names.get(k).startsWith(keyPrefix)) {
                throw options.error("key column " + names.get(k) + " does not start with 'key.fields-prefix' '" + keyPrefix + "'");
            }
        }
        String include = options.get("value.fields-include", "ALL").toUpperCase(Locale.ROOT);
        if (!include.equals("ALL") && !include.equals("EXCEPT_KEY")) {
            throw options.error("'value.fields-include' = '" + options.get("value.fields-include") + "' is not ALL or EXCEPT_KEY");
        }
        if (!keyPrefix.isEmpty() && include.equals("ALL")) {
            throw options.error("'key.fields-prefix' needs 'value.fields-include' = 'EXCEPT_KEY'");
        }
        List<Integer> value = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            final int c = i;
            if (include.equals("ALL") || Arrays.stream(keyFields).noneMatch(k -> k == c)) {
                value.add(i);
            }
        }
        valueFields = value.stream().mapToInt(Integer::intValue).toArray();
        guarantee = switch (options.get("sink.delivery-guarantee", "at-least-once").toLowerCase(Locale.ROOT)) {
            case "at-least-once", "none" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            default -> throw options.error("'sink.delivery-guarantee' = '" + options.get("sink.delivery-guarantee")
                    + "' is not at-least-once, exactly-once or none");
        };
        transactionalIdPrefix = options.get("sink.transactional-id-prefix");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && transactionalIdPrefix == null) {
            throw options.error("'sink.delivery-guarantee' = 'exactly-once' needs 'sink.transactional-id-prefix',"
                    + " unique to this table among all jobs writing to the cluster");
        }
    }

    /** The row type the key format reads and writes: the key columns, named without the prefix. */
    RelDataType keyType(RelDataType physical) {
        return subType(physical, keyFields, keyPrefix);
    }

    RelDataType valueType(RelDataType physical) {
        return subType(physical, valueFields, "");
    }

    private static RelDataType subType(RelDataType physical, int[] fields, String stripPrefix) {
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i : fields) {
            RelDataTypeField f = physical.getFieldList().get(i);
            types.add(f.getType());
            names.add(f.getName().substring(stripPrefix.length()));
        }
        return new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT).createStructType(types, names);
    }

    /** The single topic a sink writes. */
    String sinkTopic() {
        if (topics.size() != 1) {
            throw options.error("a sink writes one topic; 'topic' names " + topics.size());
        }
        return topics.get(0);
    }

    /** {@code <prefix>.timestamp-millis}, needed by {@code <prefix>.mode} = 'timestamp'. */
    private long timestamp(String prefix) {
        String key = prefix + ".timestamp-millis";
        String v = options.get(key);
        if (v == null) {
            throw options.error("'" + prefix + ".mode' = 'timestamp' needs '" + key + "'");
        }
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw options.error("'" + key + "' = '" + v + "' is not milliseconds since the epoch");
    }

    /** {@code <prefix>.specific-offsets} in Flink's form {@code partition:0,offset:42;partition:1,offset:300}, for one topic. */
    private void specificOffsets(String prefix, Map<Integer, Long> into) {
        String key = prefix + ".specific-offsets";
        String v = options.get(key);
        if (v == null) {
            throw options.error("'" + prefix + ".mode' = 'specific-offsets' needs '" + key + "'"
                    + " (as 'partition:0,offset:42;partition:1,offset:300')");
        }
        if (topics.size() != 1) {
            throw options.error("'" + key + "' is for a table of one topic, not " + topics);
        }
        for (String part : v.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.trim().split(",");
            try {
                if (kv.length == 2 && kv[0].trim().startsWith("partition:") && kv[1].trim().startsWith("offset:")) {
                    int p = Integer.parseInt(kv[0].trim().substring("partition:".length()).trim());
                    long o = Long.parseLong(kv[1].trim().substring("offset:".length()).trim());
                    if (p >= 0 && o >= 0 && into.put(p, o) == null) {
                        continue;
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw options.error("'" + key + "': '" + part.trim() + "' is not 'partition:P,offset:O'"
                    + " (each partition once, both not negative)");
        }
    }
}
