#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each, starting from its seed corpus in tests/fuzz/corpus.
# Builds with `cmake --preset fuzz` first. Exits non-zero if any target crashes, leaks, times out
# or breaks one of its checks; the input that did it is kept in build-fuzz/artifacts/.
#
#   tests/fuzz/run-fuzzers.sh 60                  # every target, 60 s each (CI)
#   tests/fuzz/run-fuzzers.sh 600 fuzz_csv_writer_roundtrip
#   FUZZ_JOBS=1 tests/fuzz/run-fuzzers.sh 60      # one target at a time (default: one per core)
#   FUZZ_NO_BUILD=1 tests/fuzz/run-fuzzers.sh 600 # run the targets as already built
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?Usage: tests/fuzz/run-fuzzers.sh SECONDS [TARGET...]}
shift
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "SECONDS must be a whole number of 1 or more, not '$seconds'." >&2; exit 2; }

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    tests/install-build-deps.sh
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz --target fuzzers >/dev/null
fi

build=build-fuzz
if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
fi
jobs=${FUZZ_JOBS:-$(nproc)}
mkdir -p "$build/artifacts" "$build/logs"

run_one() {
    local target=$1 seconds=$2 build=$3
    local binary="$build/tests/fuzz/$target" seeds="tests/fuzz/corpus/$target" found="$build/corpus/$target"
    [ -x "$binary" ] || { echo "$target: no such fuzz target (looked for $binary)"; return 1; }
    mkdir -p "$found" "$seeds"
    local dictionary=()
    [ -f "tests/fuzz/$target.dict" ] && dictionary=(-dict="tests/fuzz/$target.dict")
    # New inputs go to the build tree; the seeds in the repository are only read.
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dictionary[@]}" \
        -artifact_prefix="$build/artifacts/$target-" "$found" "$seeds" >"$build/logs/$target.log" 2>&1; then
        status=ok
    else
        status="FAILED (see $build/logs/$target.log; input in $build/artifacts/)"
    fi
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$target.log" | tail -1)
    printf '%s: %s executions in %s s, %s new inputs kept: %s\n' "$target" "${runs:-?}" "$seconds" \
        "$(ls "$found" | wc -l)" "$status"
    [ "$status" = ok ]
}
export -f run_one

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} "$seconds" "$build" \
    | tee "$build/logs/summary.txt" || true
passed=$(grep -c ': ok$' "$build/logs/summary.txt" || true)
failed=$((${#targets[@]} - passed))
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
