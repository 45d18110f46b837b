package io.runnel.runtime.operators;

/** A user function failed: names the operator and subtask so the user knows where. */
public final class OperatorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperatorFailure(String operator, int subtask, int parallelism, Throwable cause) {
        super("operator '" + operator + "' (subtask " + (subtask + 1) + "/" + parallelism + ") failed: " + cause, cause);
    }
}
