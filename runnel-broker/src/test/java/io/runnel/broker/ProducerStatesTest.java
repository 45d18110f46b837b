package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** The idempotent-producer rules: epochs fence, sequences are contiguous, recent batches dedupe. */
class ProducerStatesTest {
    final ProducerStates states = new ProducerStates();

    private void append(long pid, int epoch, int first, int last, long offset) {
        assertThat(states.check(pid, (short) epoch, first, last)).isEqualTo(ProducerStates.Check.OK);
        states.record(pid, (short) epoch, new ProducerStates.BatchMeta(first, last, offset, offset + last - first));
    }

    @Test
    void contiguousSequencesAreAcceptedAndGapsRejected() {
        append(7, 0, 0, 9, 100);
        append(7, 0, 10, 19, 110);
        assertThat(states.check(7, (short) 0, 25, 30).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
    }

    @Test
    void theLastFiveBatchesAreRecognisedAsDuplicates() {
        for (int i = 0; i < 6; i++) {
            append(7, 0, i * 10, i * 10 + 9, 1000 + i * 10);
        }
        assertThat(states.check(7, (short) 0, 10, 19).duplicate().firstOffset()).isEqualTo(1010);
        assertThat(states.check(7, (short) 0, 50, 59).duplicate().firstOffset()).isEqualTo(1050);
        // the oldest batch fell out of the window: it is now just out of order
        assertThat(states.check(7, (short) 0, 0, 9).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
    }

    @Test
    void olderEpochsAreFencedAndNewEpochsStartAtZero() {
        append(7, 3, 0, 0, 0);
        assertThat(states.check(7, (short) 2, 1, 1).error()).isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
        assertThat(states.check(7, (short) 4, 5, 5).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
        append(7, 4, 0, 3, 1);
        assertThat(states.check(7, (short) 4, 4, 4)).isEqualTo(ProducerStates.Check.OK);
    }

    @Test
    void sequencesWrapAroundAfterIntMax() {
        append(7, 0, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 0);
        assertThat(states.check(7, (short) 0, 0, 5)).isEqualTo(ProducerStates.Check.OK);
    }
}
