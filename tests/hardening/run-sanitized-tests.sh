#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UBSan (`cmake --preset asan`: clang 14) and runs the
# test suite under them; any report fails its test. Extra arguments go to ctest.
#
#   tests/hardening/run-sanitized-tests.sh                          # every test (CI)
#   tests/hardening/run-sanitized-tests.sh -L 'core|integration'    # only those labels
set -euo pipefail
cd "$(dirname "$0")/../.."

tests/install-build-deps.sh
cmake --preset asan
cmake --build --preset asan
ctest --preset asan "$@"
