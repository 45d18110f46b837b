#!/usr/bin/env bash
# Runs Runnel's and Flink's Nexmark queries side by side, interleaved, on this machine.
#
#   scripts/bench-vs-flink.sh FLINK_ANCHOR_DIR [EVENTS] [RUNS] [QUERIES] [PARALLELISMS] [CHECKPOINTING]
#
# FLINK_ANCHOR_DIR is a built copy of ../shared/anchors/flink (cp -r it, then mvn -q package).
# CHECKPOINTING is off (default), hashmap (exactly-once every 1 s, heap state) or rocksdb
# (exactly-once every 1 s, RocksDB state; incremental) — the anchor's run.sh settings.
# Prints one line per run: system query parallelism events_per_second; then medians.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FLINK=${1:?usage: bench-vs-flink.sh FLINK_ANCHOR_DIR [EVENTS] [RUNS] [QUERIES] [PARALLELISMS]}
EVENTS=${2:-10000000}
RUNS=${3:-3}
QUERIES=${4:-"q0 q1 q2 q5 q7 q8 count"}
PARS=${5:-"1 2"}
CKPT=${6:-off}
case "$CKPT" in
  off) RUNNEL_CKPT=() ;;
  hashmap) RUNNEL_CKPT=(--checkpoint-interval 1s --state-backend heap) ;;
  rocksdb) RUNNEL_CKPT=(--checkpoint-interval 1s --state-backend rocksdb) ;;
  *) echo "CHECKPOINTING must be off, hashmap or rocksdb" >&2; exit 2 ;;
esac
CKDIR=$(mktemp -d)
OUT=$(mktemp)
"$ROOT/runnel" --version >/dev/null   # build once before timing anything
for run in $(seq "$RUNS"); do
  for q in $QUERIES; do
    for p in $PARS; do
      rm -rf "$CKDIR"/*
      if [ "$CKPT" != off ]; then extra=("${RUNNEL_CKPT[@]}" --checkpoint-dir "$CKDIR/ck"); else extra=(); fi
      r=$("$ROOT/runnel" bench nexmark --query "$q" --events "$EVENTS" --parallelism "$p" "${extra[@]}" 2>/dev/null | tail -1 |
          python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["events_per_second"])')
      echo "runnel $q $p $r" | tee -a "$OUT"
      f=$(cd "$FLINK" && RESULTS=/dev/null ./run.sh "$q" "$EVENTS" "$p" "$CKPT" 2>/dev/null | grep '^RESULT' |
          sed 's/.*events_per_s=\([0-9]*\).*/\1/')
      echo "flink $q $p $f" | tee -a "$OUT"
    done
  done
done
echo "--- medians (events/s) and ratio runnel/flink"
python3 - "$OUT" <<'PY'
import sys, statistics, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    s, q, p, v = line.split()
    if v.isdigit(): d[(s, q, p)].append(int(v))
keys = sorted({(q, p) for (_, q, p) in d})
for q, p in keys:
    r = statistics.median(d[("runnel", q, p)]) if d[("runnel", q, p)] else float("nan")
    f = statistics.median(d[("flink", q, p)]) if d[("flink", q, p)] else float("nan")
    print(f"{q:6} p{p}  runnel {r/1e6:6.2f} M/s  flink {f/1e6:6.2f} M/s  ratio {r/f:5.2f}")
PY
rm -rf "$OUT" "$CKDIR"
