// A transactional KafkaJS producer commits, aborts, commits; a read_committed consumer (KafkaJS's
// default) sees only the committed messages.
'use strict';
const { kafka, run, fact, consumeN, main } = require('./lib');

main(async () => {
  const topic = 'kafkajs-txn-' + run;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer({ transactionalId: 'kafkajs-txn-' + run, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let txn = await producer.transaction();
  await txn.send({ topic, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
  await txn.commit();
  txn = await producer.transaction();
  await txn.send({ topic, messages: [{ value: 'aborted' }] });
  await txn.abort();
  txn = await producer.transaction();
  await txn.send({ topic, messages: [{ value: 'committed-3' }] });
  await txn.commit();
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: 'kafkajs-txn-reader-' + run, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  fact('readCommitted', (await consumeN(consumer, 3)).map((m) => m.value));
  await consumer.disconnect();

  const dirty = kafka.consumer({ groupId: 'kafkajs-txn-dirty-' + run, readUncommitted: true });
  await dirty.connect();
  await dirty.subscribe({ topic, fromBeginning: true });
  fact('readUncommitted', (await consumeN(dirty, 4)).map((m) => m.value));
  await dirty.disconnect();
});
