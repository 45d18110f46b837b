package io.runnel.runtime.windowing;

import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.Window;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.NamespacedState;
import java.util.HashMap;

/**
 * A trigger's view of one (key, window): its state lives in the keyed state backend, one
 * namespaced state per descriptor name with the window as namespace, so it is snapshotted,
 * rescaled and (on RocksDB) kept off the heap like the window's contents. Timers go through the
 * operator. One instance per operator, pointed at a window before each trigger call.
 */
abstract class WindowTriggerContext implements Trigger.TriggerContext {
    static final String STATE_PREFIX = "_window-trigger/";

    private final KeyedStateBackend backend;
    private final HashMap<String, WindowValueState<?>> states = new HashMap<>();
    Window window;

    WindowTriggerContext(KeyedStateBackend backend) {
        this.backend = backend;
    }

    WindowTriggerContext on(Window w) {
        this.window = w;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor) {
        WindowValueState<?> s = states.get(descriptor.name());
        if (s == null) {
            s = new WindowValueState<>(backend.namespaced(STATE_PREFIX + descriptor.name()), descriptor.defaultValue());
            states.put(descriptor.name(), s);
        }
        return (ValueState<S>) s;
    }

    /** Entries of every trigger state asked for so far: for tests and metrics. */
    long stateEntries() {
        long n = 0;
        for (WindowValueState<?> s : states.values()) n += s.state.size();
        return n;
    }

    /** A trigger's value in the window the context points at when it is called. */
    private final class WindowValueState<S> implements ValueState<S> {
        final NamespacedState<S> state;
        private final S defaultValue;

        WindowValueState(NamespacedState<S> state, S defaultValue) {
            this.state = state;
            this.defaultValue = defaultValue;
        }

        @Override
        public S value() {
            S v = state.get(window);
            return v == null ? defaultValue : v;
        }

        @Override
        public void update(S value) {
            state.put(window, value);
        }

        @Override
        public void clear() {
            state.remove(window);
        }
    }
}
