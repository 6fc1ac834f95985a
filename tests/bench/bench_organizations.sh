#!/usr/bin/env bash
# Loading the organization's structure: the real load (the Compute Optimizer list beside the
# Organizations walk, one AwsClient) against the loopback simulator with 10,000 accounts in 60 OUs
# and a 50 ms round trip, under an Organizations limit of 20 requests a second (with and without
# Paths) and of 5, beside the sequential ListAccounts of a load without the OU walk. Prints the
# times, requests, throttles, failures, whether every account got its exact state and OU path,
# and each target as MET or NOT MET. It asserts nothing. Takes about four minutes.
#   tests/bench/bench_organizations.sh [build-dir] [bench_organizations options]   (default: build)
# Options: --accounts N --units N --latency-ms L --fast-rate R --slow-rate R --only abcd
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    [ "$build" = build ] || { echo "$build is not configured (cmake --preset default, or another preset)." >&2; exit 1; }
    cmake --preset default >/dev/null
fi
cmake --build "$build" --target bench_organizations -j2 >/dev/null
"$build/tests/bench/bench_organizations" "$@"
