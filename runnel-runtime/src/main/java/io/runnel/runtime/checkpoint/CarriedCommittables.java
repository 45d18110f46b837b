package io.runnel.runtime.checkpoint;

import io.runnel.api.connector.TwoPhaseCommitSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committables of checkpoints that did not complete, per sink, waiting to be committed with the
 * next checkpoint that does; with the time the oldest was prepared and the checkpoints they came
 * from, so that output older than its sink's transaction timeout is not lost unnoticed.
 */
final class CarriedCommittables {
    private static final Logger LOG = LoggerFactory.getLogger(CarriedCommittables.class);
    private final Map<String, List<Object>> byOperator = new HashMap<>();
    private final Map<String, Long> oldestMillis = new HashMap<>();
    private final Map<String, List<Long>> fromCheckpoints = new HashMap<>();
    private final Set<String> warned = new HashSet<>();

    void add(String opId, List<Object> c, long checkpointId, long preparedMillis) {
        if (c.isEmpty()) return;
        byOperator.computeIfAbsent(opId, k -> new ArrayList<>()).addAll(c);
        oldestMillis.merge(opId, preparedMillis, Math::min);
        List<Long> ids = fromCheckpoints.computeIfAbsent(opId, k -> new ArrayList<>());
        if (!ids.contains(checkpointId)) ids.add(checkpointId);
    }

    void addAll(Map<String, List<Object>> c, long checkpointId, long preparedMillis) {
        c.forEach((op, list) -> add(op, list, checkpointId, preparedMillis));
    }

    /** Everything carried, in a new map; the carried set is empty afterwards. */
    Map<String, List<Object>> takeAll() {
        Map<String, List<Object>> out = new LinkedHashMap<>(byOperator);
        clear();
        return out;
    }

    void clear() {
        byOperator.clear();
        oldestMillis.clear();
        fromCheckpoints.clear();
        warned.clear();
    }

    /**
     * Warns once when a sink's carried output reaches half its transaction timeout; returns the
     * job's failure when it is past the timeout (its transactions may be aborted by now), else null.
     */
    IllegalStateException checkAge(Map<String, TwoPhaseCommitSink<?, Object>> sinks, long now) {
        for (Map.Entry<String, Long> e : oldestMillis.entrySet()) {
            TwoPhaseCommitSink<?, Object> sink = sinks.get(e.getKey());
            Optional<Duration> timeout = sink == null ? Optional.empty() : sink.transactionTimeout();
            if (timeout.isEmpty()) continue;
            long age = now - e.getValue();
            long limit = timeout.get().toMillis();
            String what = "output of sink '" + e.getKey() + "' prepared for checkpoint(s) " + fromCheckpoints.get(e.getKey())
                    + ", which did not complete, is " + age + " ms old";
            if (age > limit) {
                return new IllegalStateException(what + ", past the sink's transaction timeout of " + limit
                        + " ms: its transactions may have been aborted. Checkpoints must complete within the timeout");
            }
            if (age * 2 >= limit && warned.add(e.getKey())) {
                LOG.warn("{}: half the sink's transaction timeout of {} ms; it is lost if no checkpoint completes in time", what, limit);
            }
        }
        return null;
    }
}
