#!/usr/bin/env bash
# The one test command: install build dependencies, build with warnings as errors, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

tests/install-build-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
