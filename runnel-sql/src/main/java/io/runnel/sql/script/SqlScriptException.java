package io.runnel.sql.script;

/** A script that cannot run: the message names the file, the line (and column) and the cause. */
public final class SqlScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
