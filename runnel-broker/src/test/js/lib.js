// Shared by the KafkaJS scripts: a client for $BOOTSTRAP, names unique to this run ($RUN),
// printing facts one per line ("name <json>") for KafkaJsTest to assert on.
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const bootstrap = process.env.BOOTSTRAP;
const run = process.env.RUN || String(Date.now());
if (!bootstrap) {
  throw new Error('BOOTSTRAP (host:port of the broker) is not set');
}

const kafka = new Kafka({
  clientId: 'runnel-kafkajs-suite',
  brokers: bootstrap.split(','),
  logLevel: logLevel.ERROR,
  retry: { retries: 5 },
});

function fact(name, value) {
  console.log(name + ' ' + JSON.stringify(value));
}

/** Consumes with `consumer` until `count` messages arrived; returns them as {key, value, headers, offset}. */
async function consumeN(consumer, count, timeoutMs = 30000) {
  const got = [];
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers = {};
      for (const [k, v] of Object.entries(message.headers || {})) {
        headers[k] = v.toString();
      }
      got.push({ partition, offset: message.offset, key: message.key && message.key.toString(),
        value: message.value.toString(), headers });
      if (got.length >= count) {
        done();
      }
    },
  });
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  return got;
}

/** Runs `main`, exiting non-zero with the error on stderr if it fails. */
function main(fn) {
  fn().then(() => process.exit(0), (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

module.exports = { kafka, run, fact, consumeN, main };
