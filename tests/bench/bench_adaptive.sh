#!/usr/bin/env bash
# Standard against adaptive retry mode: 8 parallel callers sharing one AwsClient against the
# loopback simulator, which allows 10 requests a second and answers after a 40 ms round trip.
# Prints, per mode, the wall time, the requests sent, the share of throttled answers (overall and
# over the last half of the run) and the calls that failed. It asserts nothing.
#   tests/bench/bench_adaptive.sh [build-dir] [bench_adaptive options]   (default: build)
# Options: --callers N --calls M --rate R --latency-ms L --service organizations|compute-optimizer
#          --max-attempts A --trace   (see bench_adaptive --help)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    [ "$build" = build ] || { echo "$build is not configured (cmake --preset ci, or another preset)." >&2; exit 1; }
    cmake --preset default >/dev/null
fi
cmake --build "$build" --target bench_adaptive -j2 >/dev/null
"$build/tests/bench/bench_adaptive" "$@"
