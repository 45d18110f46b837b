package io.runnel.runtime.state.operator;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator state one instance put into a checkpoint: its lists and broadcast maps by name,
 * with the instance's index and parallelism so a restore can tell whose elements are whose.
 * The containers are copies taken at the barrier; the elements are shared with the task (and
 * must not change in place) until serialized.
 */
public record OperatorStateSnapshot(int subtask, int parallelism, Map<String, NamedList> lists,
                                    Map<String, HashMap<Object, Object>> broadcast) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** How a list is handed out on restore. */
    public enum Mode { SPLIT, UNION }

    /** One list and its redistribution mode. */
    public record NamedList(Mode mode, ArrayList<Object> elements) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
