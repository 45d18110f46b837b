// Every codec KafkaJS can use: gzip (built in), Snappy (kafkajs-snappy), LZ4 and ZSTD (KafkaJS's
// codec hook over pure-JS/wasm libraries, as its docs describe for third-party codecs). For each
// one, produces three records into its own topic (read back by the Java client in KafkaJsTest),
// and consumes the topic that test filled with the Java producer using the same codec.
'use strict';
const { CompressionTypes, CompressionCodecs } = require('kafkajs');
const SnappyCodec = require('kafkajs-snappy');
const lz4 = require('lz4js');
const xxh32 = require('lz4js/xxh32');
const zstd = require('@bokuweb/zstd-wasm');
const { kafka, run, fact, consumeN, main } = require('./lib');

CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;
CompressionCodecs[CompressionTypes.LZ4] = () => ({
  async compress(encoder) {
    return lz4Frame(encoder.buffer);
  },
  async decompress(buffer) {
    return Buffer.from(lz4.decompress(buffer));
  },
});

/**
 * An LZ4 frame of independent 64 KiB blocks, which is what Kafka's Java client reads: lz4js's own
 * frames do not set the block-independence flag, and the Java client refuses them.
 */
function lz4Frame(src) {
  const BLOCK = 1 << 16;
  const parts = [];
  const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0]);
  header[6] = (xxh32.hash(0, header, 4, 2) >> 8) & 0xff;
  parts.push(header);
  const out = Buffer.alloc(lz4.compressBound(BLOCK));
  for (let at = 0; at < src.length; at += BLOCK) {
    const n = Math.min(BLOCK, src.length - at);
    const size = lz4.compressBlock(src, out, at, n, new Uint32Array(1 << 16));
    const len = Buffer.alloc(4);
    if (size === 0 || size >= n) {
      len.writeUInt32LE((0x80000000 | n) >>> 0);
      parts.push(len, Buffer.from(src.subarray(at, at + n)));
    } else {
      len.writeUInt32LE(size);
      parts.push(len, Buffer.from(out.subarray(0, size)));
    }
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}
CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  async compress(encoder) {
    return Buffer.from(zstd.compress(encoder.buffer, 3));
  },
  async decompress(buffer) {
    return Buffer.from(zstd.decompress(buffer));
  },
});

const codecs = { gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD };

main(async () => {
  await zstd.init();
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  await producer.connect();
  for (const [name, type] of Object.entries(codecs)) {
    const topic = 'kafkajs-codec-' + name + '-' + run;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const sent = await producer.send({ topic, compression: type, messages: [
      { key: 'k1', value: name + '-one', headers: { codec: name } },
      { key: 'k2', value: name + '-two' },
      { key: 'k3', value: name + '-three'.repeat(20) },
    ] });
    fact('sent-' + name, sent.map((r) => r.errorCode));
  }
  await producer.disconnect();
  // topics the Java producer wrote with each codec (named by KafkaJsTest)
  for (const name of Object.keys(codecs)) {
    const topic = 'java-codec-' + name + '-' + run;
    const consumer = kafka.consumer({ groupId: 'kafkajs-codec-' + name + '-' + run });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got = await consumeN(consumer, 3);
    fact('fromJava-' + name, got.map((m) => m.value).sort());
    await consumer.disconnect();
  }
  await admin.disconnect();
});
