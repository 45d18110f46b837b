package io.runnel.connectors.kafka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transactional ids of an exactly-once sink: {@code <prefix>-<subtask>-<sequence>}. Each
 * transaction gets a fresh id (the sequence counts up per subtask), so an id is never reused while
 * a committer may still need to end its transaction, and the subtask in the id tells a restarted
 * writer which ids of a failed attempt are its to clean up.
 */
final class TransactionalIds {
    private static final Pattern ALLOWED_PREFIX = Pattern.compile("[A-Za-z0-9._]+(-[A-Za-z0-9._]+)*");
    private final String prefix;
    private final Pattern ours;

    TransactionalIds(String prefix) {
        if (prefix == null || !ALLOWED_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Kafka sink: transactional id prefix '" + prefix
                    + "' must be letters, digits, '.', '_' and inner '-'");
        }
        this.prefix = prefix;
        this.ours = Pattern.compile(brokerPattern());
    }

    String id(int subtask, long sequence) {
        return prefix + "-" + subtask + "-" + sequence;
    }

    /** A regular expression (Java and RE2 alike) matching exactly this prefix's ids. */
    String brokerPattern() {
        return prefix.replace(".", "\\.") + "-([0-9]+)-([0-9]+)";
    }

    /** The subtask and sequence of one of our ids, or null for any other id. */
    long[] parse(String transactionalId) {
        Matcher m = ours.matcher(transactionalId);
        if (!m.matches()) return null;
        try {
            return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
