package io.runnel.api.connector;

/** What a reader's poll found. */
public enum InputStatus {
    /** Records were emitted and more may be available at once. */
    MORE_AVAILABLE,
    /** Nothing available right now; poll again later. */
    NOTHING_AVAILABLE,
    /** Every split is exhausted; the reader will emit nothing more. */
    END_OF_INPUT
}
