package io.runnel.broker.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Writes record-0 .. record-(count-1), resuming after the last committed source offset. */
public final class CountingSourceTask extends SourceTask {
    private static final Map<String, String> PARTITION = Map.of("source", "counter");
    private String topic;
    private int count;
    private long next;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        count = Integer.parseInt(props.getOrDefault("count", "10"));
        Map<String, Object> committed = context.offsetStorageReader().offset(PARTITION);
        next = committed == null ? 0 : ((Number) committed.get("position")).longValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= count) {
            Thread.sleep(100);
            return null;
        }
        List<SourceRecord> out = new ArrayList<>();
        for (; next < count && out.size() < 5; next++) {
            out.add(new SourceRecord(PARTITION, Map.of("position", next), topic, null, Schema.STRING_SCHEMA,
                    "key-" + next, Schema.STRING_SCHEMA, "record-" + next));
        }
        return out;
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "test";
    }
}
