#!/usr/bin/env bash
# Portal benchmark: bench/portal.sh [seconds per load]   (default 30)
#
# Builds the launcher jar (unless BENCH_SKIP_BUILD=1), starts it on a fresh folder bench/target/portal-bench in demo
# mode (embedded MariaDB, demo data), takes the QR bill page the launcher prints ("try a printed bill's QR page:")
# and loads it with wrk (GET, 32 connections, 2 threads) for the given time after a warm-up (BENCH_WARMUP_SECONDS, 60); then, in the same run and
# on the same server, a static file (the portal's stylesheet) as the ceiling. Last line:
#   portal-bench bill_page_rps=X static_rps=Y ratio=Z p99_ms=P
# (ratio = X / Y; p99 of the bill page). Targets: ratio >= 0.10, p99 <= 300 ms.
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
seconds="${1:-30}"
if [[ ! $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [seconds]" >&2
  exit 2
fi
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/launcher/target/su-tahsilat.jar"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
fi
work="$root/bench/target/portal-bench"
port="${PORT:-18480}"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

java -jar "$jar" --port "$port" > console.log 2>&1 &
launcher=$!
stop() {
  kill "$launcher" 2> /dev/null || true
  wait "$launcher" 2> /dev/null || true
}
trap stop EXIT
for _ in $(seq 1 300); do
  if grep -q "ready in" console.log; then
    break
  fi
  if ! kill -0 "$launcher" 2> /dev/null; then
    cat console.log >&2
    exit 1
  fi
  sleep 1
done
grep -q "ready in" console.log || { echo "the launcher did not get ready in 300 s" >&2; exit 1; }
bill_url="$(sed -n 's/.*try a printed bill.s QR page: \(http[^ ]*\).*/\1/p' console.log | head -1)"
[[ -n $bill_url ]] || { echo "no QR bill page printed by the launcher" >&2; cat console.log >&2; exit 1; }
static_url="http://localhost:$port/resources/portal.css"
for url in "$bill_url" "$static_url"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
  [[ $code == 200 ]] || { echo "GET $url answered $code" >&2; exit 1; }
done
echo "bill page   $bill_url"
echo "static file $static_url"

# wrk's summary: "Requests/sec: 1234.56" and, with --latency, "99%  12.34ms" (us, ms or s)
rps() { sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$1"; }
p99_ms() {
  sed -n 's/^[[:space:]]*99%[[:space:]]*\([0-9.]*\)\([a-z]*\).*/\1 \2/p' "$1" | awk '{
    v = $1; u = $2
    if (u == "us") v = v / 1000; else if (u == "s") v = v * 1000; else if (u == "m") v = v * 60000
    printf "%.1f", v }'
}
errors() { sed -n 's/.*Non-2xx or 3xx responses:[[:space:]]*\([0-9]*\).*/\1/p' "$1"; }

# warm-up: JIT, caches, connection pools. On 2 cores shared with the database and wrk, the JIT compiler needs about a
# minute of load before the page reaches the steady rate a long-running server has (after 10 s of load it serves
# about a third of it, after 30 s about two thirds).
wrk -t2 -c32 -d"${BENCH_WARMUP_SECONDS:-60}s" "$bill_url" > warmup.txt
wrk -t2 -c32 -d"${seconds}s" --latency "$bill_url" > bill.txt
wrk -t2 -c32 -d5s "$static_url" > warmup-static.txt
wrk -t2 -c32 -d"${seconds}s" --latency "$static_url" > static.txt
cat bill.txt static.txt
for f in bill.txt static.txt; do
  if [[ -n "$(errors "$f")" ]]; then
    echo "non-2xx answers in $f: $(errors "$f")" >&2
    exit 1
  fi
done
bill_rps="$(rps bill.txt)"
static_rps="$(rps static.txt)"
ratio="$(awk -v a="$bill_rps" -v b="$static_rps" 'BEGIN { printf "%.2f", a / b }')"
echo "portal-bench bill_page_rps=$(printf '%.0f' "$bill_rps") static_rps=$(printf '%.0f' "$static_rps") ratio=$ratio p99_ms=$(p99_ms bill.txt)"
