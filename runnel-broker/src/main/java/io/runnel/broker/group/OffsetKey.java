package io.runnel.broker.group;

/** What a committed offset is for: a group and a topic partition. */
record OffsetKey(String group, String topic, int partition) {
}
