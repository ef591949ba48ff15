#!/bin/sh
# Reconcile benchmarks (see Benchmarks/README.md, section "reconcile").
#
#   Benchmarks/reconcile/run.sh            # release build of tack, 20 runs, 500 Kustomizations
#   RUNS=5 OBJECTS=100 Benchmarks/reconcile/run.sh
#
# 1. Ready-to-exit latency: the Flux controller double writes Ready=True on a Kustomization while
#    `tack reconcile ks` waits; the time from that write (wall clock, recorded by the double) to the
#    command exiting. Baseline: poll-baseline.py, flux's 2 s GET loop as a tiny client. Median of RUNS.
# 2. `tack resume ks --all --wait` of OBJECTS suspended Kustomizations (patch all, one watch) vs
#    `tack resume ks <name>` one by one (each waits), against the same server and double.
#
# The driver (Benchmarks/reconcile/Driver, product reconcile-bench) runs the test API server and the
# controller double in its own process, debug-built as they ran in the test bundle before; it asserts
# nothing about time.
set -eu
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-20}
OBJECTS=${OBJECTS:-500}
swift build -c release --product tack
swift build --product reconcile-bench
"$(swift build --show-bin-path)/reconcile-bench" "$PWD/.build/release/tack" "$RUNS" "$OBJECTS"
