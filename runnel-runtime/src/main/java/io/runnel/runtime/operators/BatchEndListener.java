package io.runnel.runtime.operators;

/** Operators that act once per input batch (periodic watermarks) rather than per record. */
public interface BatchEndListener {
    void onBatchEnd() throws Exception;
}
