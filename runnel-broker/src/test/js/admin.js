// Admin: createTopics, listTopics, fetchTopicMetadata, fetchTopicOffsetsByTimestamp, fetchOffsets,
// listGroups, describeGroups, deleteGroups, deleteTopics.
'use strict';
const { kafka, run, fact, consumeN, main } = require('./lib');

main(async () => {
  const topic = 'kafkajs-admin-' + run;
  const doomed = 'kafkajs-doomed-' + run;
  const groupId = 'kafkajs-admin-group-' + run;
  const admin = kafka.admin();
  await admin.connect();
  fact('createTopics', await admin.createTopics({
    topics: [{ topic, numPartitions: 2 }, { topic: doomed, numPartitions: 1 }], waitForLeaders: true,
  }));
  const names = await admin.listTopics();
  fact('listTopics', [topic, doomed].map((t) => names.includes(t)));
  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
  fact('fetchTopicMetadata', metadata.topics.map((t) => ({
    name: t.name, partitions: t.partitions.map((p) => p.partitionId).sort(),
  })));

  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [
    { partition: 0, value: 'a', timestamp: '1000' },
    { partition: 0, value: 'b', timestamp: '2000' },
    { partition: 0, value: 'c', timestamp: '3000' },
  ] });
  await producer.disconnect();
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, 2000);
  fact('fetchTopicOffsetsByTimestamp', byTime.map((p) => [p.partition, p.offset]).sort());
  const latest = await admin.fetchTopicOffsets(topic);
  fact('fetchTopicOffsets', latest.map((p) => [p.partition, p.low, p.high]).sort());

  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  fact('consumed', (await consumeN(consumer, 3)).map((m) => m.value));
  const described = await admin.describeGroups([groupId]);
  fact('describeGroups', described.groups.map((g) => [g.groupId, g.state, g.protocolType, g.members.length]));
  await consumer.disconnect();

  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  fact('fetchOffsets', offsets.map((t) => [t.topic,
    t.partitions.map((p) => [p.partition, p.offset]).sort()]));
  const groups = (await admin.listGroups()).groups.filter((g) => g.groupId === groupId);
  fact('listGroups', groups.map((g) => [g.groupId, g.protocolType]));
  fact('describeGroupsAfterLeave', (await admin.describeGroups([groupId])).groups.map((g) => [g.groupId, g.state]));
  fact('deleteGroups', (await admin.deleteGroups([groupId])).map((g) => [g.groupId, g.errorCode]));
  fact('listGroupsAfterDelete', (await admin.listGroups()).groups.filter((g) => g.groupId === groupId).length);

  await admin.deleteTopics({ topics: [doomed] });
  const after = await admin.listTopics();
  fact('listTopicsAfterDelete', [topic, doomed].map((t) => after.includes(t)));
  await admin.disconnect();
});
