// Produce with gzip and headers; a consumer group reads and commits; a second consumer of the
// same group resumes after the committed offsets.
'use strict';
const { CompressionTypes } = require('kafkajs');
const { kafka, run, fact, consumeN, main } = require('./lib');

main(async () => {
  const topic = 'kafkajs-produce-' + run;
  const groupId = 'kafkajs-group-' + run;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

  const producer = kafka.producer();
  await producer.connect();
  const sent = await producer.send({ topic, compression: CompressionTypes.GZIP, messages: [
    { key: 'k1', value: 'one', headers: { trace: 'abc', source: 'kafkajs' } },
    { key: 'k2', value: 'two', headers: { trace: 'def' } },
    { key: 'k3', value: 'three' },
  ] });
  fact('sentErrors', sent.map((r) => r.errorCode));

  const first = kafka.consumer({ groupId });
  await first.connect();
  await first.subscribe({ topic, fromBeginning: true });
  const got = await consumeN(first, 3);
  fact('firstConsumer', got.map((m) => [m.key, m.value, m.headers]).sort());
  await first.disconnect();
  const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
  fact('committedTotal', committed[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0));

  await producer.send({ topic, compression: CompressionTypes.GZIP, messages: [
    { key: 'k4', value: 'four' }, { key: 'k5', value: 'five' },
  ] });
  await producer.disconnect();
  const second = kafka.consumer({ groupId });
  await second.connect();
  await second.subscribe({ topic, fromBeginning: true });
  fact('secondConsumer', (await consumeN(second, 2)).map((m) => m.value).sort());
  await second.disconnect();
  await admin.disconnect();
});
