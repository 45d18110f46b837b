package io.runnel.log;

/**
 * Offsets assigned to an append.
 *
 * @param firstOffset    base offset of the first batch appended
 * @param lastOffset     last offset of the last batch appended
 * @param logStartOffset the partition's log start offset after the append
 */
public record AppendResult(long firstOffset, long lastOffset, long logStartOffset) {
}
