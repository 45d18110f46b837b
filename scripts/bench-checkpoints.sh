#!/usr/bin/env bash
# The cost of checkpoints, Runnel beside Flink, interleaved in one sitting on this machine.
#
#   scripts/bench-checkpoints.sh FLINK_ANCHOR_DIR [EVENTS] [RUNS] [QUERIES] [PARALLELISMS] [BACKEND]
#
# For each run, query and parallelism: Runnel without checkpoints, Runnel with exactly-once
# checkpoints every second, then Flink the same two ways (the anchor's run.sh: off, and
# hashmap or rocksdb). BACKEND is hashmap (heap state, default) or rocksdb.
# Prints each run, then medians: events/s per system and mode, the throughput kept with
# checkpoints on, and Runnel/Flink with checkpoints on.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FLINK=${1:?usage: bench-checkpoints.sh FLINK_ANCHOR_DIR [EVENTS] [RUNS] [QUERIES] [PARALLELISMS] [BACKEND]}
EVENTS=${2:-10000000}
RUNS=${3:-3}
QUERIES=${4:-"q5 q7 count"}
PARS=${5:-"1 2"}
BACKEND=${6:-hashmap}
case "$BACKEND" in hashmap) RUNNEL_BACKEND=heap ;; rocksdb) RUNNEL_BACKEND=rocksdb ;; *) echo "BACKEND: hashmap or rocksdb" >&2; exit 2 ;; esac
CKDIR=$(mktemp -d)
OUT=$(mktemp)
"$ROOT/runnel" --version >/dev/null
runnel() { # query parallelism [checkpoint flags...]
  local q=$1 p=$2; shift 2
  rm -rf "$CKDIR"/*
  "$ROOT/runnel" bench nexmark --query "$q" --events "$EVENTS" --parallelism "$p" "$@" 2>/dev/null | tail -1 |
    python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d["events_per_second"], d.get("checkpoints", "-"), d.get("checkpoint_ms_median", "-"), d.get("checkpoint_full_bytes_max", "-"))'
}
flink() { # query parallelism mode
  (cd "$FLINK" && RESULTS=/dev/null ./run.sh "$1" "$EVENTS" "$2" "$3" 2>/dev/null | grep '^RESULT' |
    sed 's/.*events_per_s=\([0-9]*\).*checkpoints=\([^ ]*\).*/\1 \2/')
}
for run in $(seq "$RUNS"); do
  for q in $QUERIES; do
    for p in $PARS; do
      echo "runnel off $q $p $(runnel "$q" "$p")" | tee -a "$OUT"
      echo "runnel on $q $p $(runnel "$q" "$p" --checkpoint-interval 1s --checkpoint-dir "$CKDIR/ck" --state-backend "$RUNNEL_BACKEND")" | tee -a "$OUT"
      echo "flink off $q $p $(flink "$q" "$p" off)" | tee -a "$OUT"
      echo "flink on $q $p $(flink "$q" "$p" "$BACKEND")" | tee -a "$OUT"
    done
  done
done
echo "--- medians (events/s); kept = on/off; ratio = runnel on / flink on"
python3 - "$OUT" <<'PY'
import sys, statistics, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 5 and f[4].isdigit(): d[(f[0], f[1], f[2], f[3])].append(int(f[4]))
m = lambda k: statistics.median(d[k]) if d[k] else float("nan")
for q, p in sorted({(k[2], k[3]) for k in d}):
    ro, rn, fo, fn = (m((s, c, q, p)) for s, c in [("runnel", "off"), ("runnel", "on"), ("flink", "off"), ("flink", "on")])
    print(f"{q:6} p{p}  runnel off {ro/1e6:5.2f} on {rn/1e6:5.2f} M/s kept {rn/ro:5.2f} | "
          f"flink off {fo/1e6:5.2f} on {fn/1e6:5.2f} M/s kept {fn/fo:5.2f} | runnel/flink on {rn/fn:5.2f}")
PY
rm -rf "$OUT" "$CKDIR"
