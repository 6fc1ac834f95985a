#!/usr/bin/env bash
# Headless export benchmark: enrollment-desk --export against the loopback simulator at 10,000
# and 100,000 accounts, next to the floor (curl fetching the same pages over one keep-alive
# connection) and, when installed, AWS CLI v2; the same export as XLSX; and bench_xlsx_export,
# the XLSX writer alone on 100,000 accounts. Prints figures; it asserts nothing.
#   tests/bench/bench_export.sh [build-dir]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
desk="$build/app/enrollment-desk"
simulator="$build/tests/bench/enrollment-simulator"
for tool in "$desk" "$simulator"; do
    [ -x "$tool" ] || { echo "Build first: $tool is missing (cmake --build --preset default)." >&2; exit 1; }
done
command -v curl >/dev/null || { echo "curl is needed for the floor measurement (apt-get install curl)." >&2; exit 1; }

key=AKIDBENCHMARK
secret=benchmark-secret
work=$(mktemp -d)
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

export AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# Walks the pages once (untimed) to learn every request body, then fetches them all in one curl
# run; curl reuses the connection across --next, so this is the cost of the pages alone.
curl_floor() {
    local url=$1 token="" i=0 args=()
    while :; do
        if [ -z "$token" ]; then body='{"maxResults":100}'; else body="{\"nextToken\":\"$token\",\"maxResults\":100}"; fi
        printf '%s' "$body" > "$work/body.$i"
        token=$(curl -s --aws-sigv4 "aws:amz:us-east-1:compute-optimizer" --user "$key:$secret" \
            -H 'Content-Type: application/x-amz-json-1.0' \
            -H 'X-Amz-Target: ComputeOptimizerService.GetEnrollmentStatusesForOrganization' \
            --data-binary "@$work/body.$i" "$url/" | sed -n 's/.*"nextToken":"\([^"]*\)".*/\1/p')
        i=$((i + 1))
        [ -n "$token" ] || break
    done
    for ((p = 0; p < i; p++)); do
        [ $p -gt 0 ] && args+=(--next)
        args+=(-s -o /dev/null --aws-sigv4 "aws:amz:us-east-1:compute-optimizer" --user "$key:$secret"
            -H 'Content-Type: application/x-amz-json-1.0'
            -H 'X-Amz-Target: ComputeOptimizerService.GetEnrollmentStatusesForOrganization'
            --data-binary "@$work/body.$p" "$url/")
    done
    local start end
    start=$(now)
    curl "${args[@]}"
    end=$(now)
    echo "$(seconds "$start" "$end") $i"
}

aws_cli_v2() {
    local aws=""
    for candidate in /usr/bin/aws /usr/local/bin/aws; do
        if [ -x "$candidate" ] && "$candidate" --version 2>&1 | grep -q '^aws-cli/2'; then aws=$candidate; break; fi
    done
    [ -n "$aws" ] || return 1
    local start end
    start=$(now)
    "$aws" compute-optimizer get-enrollment-statuses-for-organization --endpoint-url "$1" \
        --region us-east-1 --output json > "$work/aws.json"
    end=$(now)
    echo "$(seconds "$start" "$end")"
}

for accounts in 10000 100000; do
    "$simulator" --accounts "$accounts" --access-key-id "$key" --secret-access-key "$secret" \
        --exit-after-seconds 900 > "$work/url" &
    server_pid=$!
    for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
    url=$(head -n 1 "$work/url")

    /usr/bin/time -f '%e %M' -o "$work/time" "$desk" --endpoint-url "$url" --quiet --export "$work/out.csv"
    read -r desk_wall desk_rss_kb < "$work/time"
    rows=$(($(wc -l < "$work/out.csv") - 1))
    /usr/bin/time -f '%e %M' -o "$work/time-xlsx" "$desk" --endpoint-url "$url" --quiet --export "$work/out.xlsx"
    read -r xlsx_wall xlsx_rss_kb < "$work/time-xlsx"
    read -r floor pages < <(curl_floor "$url")

    echo "== $accounts accounts ($pages pages of 100) =="
    echo "enrollment-desk --export: ${desk_wall} s wall, peak RSS $((desk_rss_kb / 1024)) MB, $rows rows"
    echo "enrollment-desk --export out.xlsx: ${xlsx_wall} s wall, peak RSS $((xlsx_rss_kb / 1024)) MB," \
        "$(($(stat -c %s "$work/out.xlsx") / 1024)) KB"
    echo "curl floor (one keep-alive connection): ${floor} s"
    awk -v d="$desk_wall" -v f="$floor" 'BEGIN { printf "ratio to floor: %.2fx (target at 10,000: <= 1.5x)\n", d / f }'
    if aws_time=$(aws_cli_v2 "$url"); then
        echo "AWS CLI v2: ${aws_time} s"
        awk -v d="$desk_wall" -v a="$aws_time" 'BEGIN { printf "speed-up over AWS CLI v2: %.1fx (target >= 8x)\n", a / d }'
    else
        echo "AWS CLI v2: not installed (apt-get install awscli), not measured"
    fi
    [ "$accounts" = 100000 ] && echo "peak RSS target at 100,000: <= 60 MB"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done

writer_bench="$build/tests/bench/bench_xlsx_export"
if [ -x "$writer_bench" ]; then
    "$writer_bench" 100000
else
    echo "bench_xlsx_export: not built ($writer_bench), not measured"
fi
