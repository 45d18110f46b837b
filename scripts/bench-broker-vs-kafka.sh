#!/usr/bin/env bash
# The broker beside Apache Kafka 4.4 in one sitting, with the Kafka anchor's own client harness
# (../shared/anchors/kafka): produce and consume (100 B and 1 KiB, acks=all), end-to-end latency,
# peak broker RSS. Runs alternate broker by broker (Kafka run 1, Runnel run 1, Kafka run 2, ...);
# the harness prints medians per broker at the end. Both brokers leave flushing to the OS (the
# default of each: no fsync per write).
#
#   scripts/bench-broker-vs-kafka.sh ANCHOR_DIR [RUNS] [extra harness suite options...]
#
# ANCHOR_DIR is a built copy of the anchor (cp -r ../shared/anchors/kafka /tmp/kafka-anchor-src &&
# (cd /tmp/kafka-anchor-src && mvn -q package -DskipTests)). Run it on a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ANCHOR="$(cd "${1:?usage: $0 ANCHOR_DIR [RUNS] [suite options]}" && pwd)"
RUNS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
WORK=$(mktemp -d /tmp/bench-broker.XXXXXX)
export KAFKA_ANCHOR_STATE="$WORK/kafka"
SUITE=(--runs 1 --acks all --produce 100:5000000,1024:1000000 --e2e-acks all --kafka-tools false
       --quiet-threshold 0.3 "$@")

"$ROOT/runnel" --version >/dev/null
PORT=$("$ANCHOR/harness.sh" free-port)
"$ROOT/runnel" broker --port "$PORT" --data-dir "$WORK/runnel" --set auto.create.topics.enable=false \
  >"$WORK/runnel-broker.log" 2>&1 &
RUNNEL_PID=$!
"$ANCHOR/start-kafka.sh" --clean >"$WORK/kafka-start.log" 2>&1
KAFKA_BOOT=$(cat "$KAFKA_ANCHOR_STATE/bootstrap")
KAFKA_PID=$(cat "$KAFKA_ANCHOR_STATE/kafka.pid")
trap '"$ANCHOR/stop-kafka.sh" --wipe >/dev/null 2>&1 || true; kill $RUNNEL_PID 2>/dev/null || true; wait $RUNNEL_PID 2>/dev/null || true' EXIT
"$ANCHOR/harness.sh" ready --bootstrap "127.0.0.1:$PORT" --pid "$RUNNEL_PID" >/dev/null

for run in $(seq "$RUNS"); do
  "$ANCHOR/harness.sh" suite --bootstrap "$KAFKA_BOOT" --broker-pid "$KAFKA_PID" --first-run "$run" \
    --out "$WORK/kafka.tsv" "${SUITE[@]}" >>"$WORK/kafka-suite.log" 2>&1
  "$ANCHOR/harness.sh" suite --bootstrap "127.0.0.1:$PORT" --broker-pid "$RUNNEL_PID" --first-run "$run" \
    --out "$WORK/runnel.tsv" "${SUITE[@]}" >>"$WORK/runnel-suite.log" 2>&1
  echo "run $run done"
done
echo "=== Kafka 4.4.0"
"$ANCHOR/harness.sh" summarize --in "$WORK/kafka.tsv"
cat "$WORK/kafka.tsv.rss"
echo "=== Runnel"
"$ANCHOR/harness.sh" summarize --in "$WORK/runnel.tsv"
cat "$WORK/runnel.tsv.rss"
echo "raw results and logs: $WORK"
