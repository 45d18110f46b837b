package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header checks beyond the CRC, on append and on recovery. */
class BatchValidationTest {
    private static final int BATCH = 161; // TestBatches.batch(n, ts): 61-byte header + 100 bytes

    @TempDir
    Path dir;

    private static ByteBuffer withCrc(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(BatchDescriptor.ATTRIBUTES_OFFSET));
        b.putInt(BatchDescriptor.CRC_OFFSET, (int) crc.getValue());
        return b;
    }

    private PartitionLog open() {
        return PartitionLog.open(dir, "t", 0, LogConfig.defaults(), () -> 1_000_000L);
    }

    @Test
    void aRecordCountBeyondTheOffsetDeltaIsRefused() {
        ByteBuffer b = TestBatches.batch(3, 1);
        b.putInt(BatchDescriptor.RECORD_COUNT_OFFSET, 5);
        try (PartitionLog log = open()) {
            assertThatThrownBy(() -> log.append(withCrc(b))).isInstanceOf(InvalidBatchException.class)
                    .hasMessageContaining("record count 5 does not fit lastOffsetDelta 2");
            assertThat(log.logEndOffset()).isZero();
        }
    }

    @Test
    void anUnknownCompressionCodecIsRefused() {
        ByteBuffer b = TestBatches.batch(1, 1);
        b.putShort(BatchDescriptor.ATTRIBUTES_OFFSET, (short) 7);
        try (PartitionLog log = open()) {
            assertThatThrownBy(() -> log.append(withCrc(b))).isInstanceOf(InvalidBatchException.class)
                    .hasMessageContaining("compression codec 7");
        }
    }

    /** Lengths that must not make recovery loop or read past the file: it truncates and ends. */
    @ParameterizedTest
    @ValueSource(ints = {0, -1, -12, 1, 48, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aBadLengthFieldEndsRecoveryAtThatBatch(int length) throws IOException {
        try (PartitionLog log = open()) {
            for (int i = 0; i < 4; i++) {
                log.append(TestBatches.batch(2, i));
            }
        }
        Path file = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, length), 2 * BATCH + BatchDescriptor.LENGTH_OFFSET);
        }
        try (PartitionLog log = open()) {
            assertThat(log.logEndOffset()).isEqualTo(4);
            assertThat(Files.size(file)).isEqualTo(2 * BATCH);
            assertThat(log.append(TestBatches.batch(1, 9)).firstOffset()).isEqualTo(4);
        }
    }

    @Test
    void aZeroFilledTailIsCutOff() throws IOException {
        try (PartitionLog log = open()) {
            log.append(TestBatches.batch(2, 1));
        }
        Path file = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(4096)); // preallocated or zeroed blocks after a crash
        }
        try (PartitionLog log = open()) {
            assertThat(log.logEndOffset()).isEqualTo(2);
            assertThat(Files.size(file)).isEqualTo(BATCH);
        }
    }
}
