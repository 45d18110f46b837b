#!/usr/bin/env bash
# The throughput a job keeps with exactly-once checkpoints every second, Runnel alone:
# checkpoints off and on alternate run by run (one JVM each), then medians and the median of
# the per-run pairs.
#
#   scripts/bench-checkpoint-cost.sh [EVENTS] [RUNS] [QUERIES] [PARALLELISMS] [BACKEND] [EXTRA FLAGS...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EVENTS=${1:-30000000}
RUNS=${2:-3}
QUERIES=${3:-"q5 q7 count"}
PARS=${4:-"1 2"}
BACKEND=${5:-heap}
shift $(( $# < 5 ? $# : 5 ))
CKDIR=$(mktemp -d)
OUT=$(mktemp)
"$ROOT/runnel" --version >/dev/null
eps() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["events_per_second"])'; }
for run in $(seq "$RUNS"); do
  for q in $QUERIES; do
    for p in $PARS; do
      off=$("$ROOT/runnel" bench nexmark --query "$q" --events "$EVENTS" --parallelism "$p" --state-backend "$BACKEND" 2>/dev/null | tail -1 | eps)
      rm -rf "$CKDIR"/*
      on=$("$ROOT/runnel" bench nexmark --query "$q" --events "$EVENTS" --parallelism "$p" --state-backend "$BACKEND" \
           --checkpoint-interval 1s --checkpoint-dir "$CKDIR/ck" "$@" 2>/dev/null | tail -1 | eps)
      echo "$q $p $off $on" | tee -a "$OUT"
    done
  done
done
echo "--- medians (M events/s); kept = on/off"
python3 - "$OUT" <<'PY'
import sys, statistics, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    q, p, off, on = line.split()
    d[(q, p)].append((int(off), int(on)))
for (q, p), runs in sorted(d.items()):
    off = statistics.median(r[0] for r in runs); on = statistics.median(r[1] for r in runs)
    pairs = sorted(r[1] / r[0] for r in runs)
    print(f"{q:6} p{p}  off {off/1e6:5.2f}  on {on/1e6:5.2f}  kept {on/off:5.3f}  per-run kept {statistics.median(pairs):5.3f} {['%.3f' % x for x in pairs]}")
PY
rm -rf "$OUT" "$CKDIR"
