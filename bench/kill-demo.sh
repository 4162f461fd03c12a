#!/usr/bin/env bash
# The kill -9 demonstration, by hand: bench/kill-demo.sh [subscribers]   (default 20000)
#
# Starts the built launcher (launcher/target/su-tahsilat.jar; build it first with
#   mvn -B -DskipTests package) on a fresh folder bench/target/kill-demo with a village "Yük Deneme Köyü" of N
# subscribers read this month and not billed, small billing chunks (100 subscribers per transaction) and a short
# lease (20 s) so that the interrupted run can be resumed soon after the restart. You start the billing run in the
# browser; when the bar moves, press Enter here: the script kills the launcher, Payara Micro and MariaDB with
# SIGKILL (as a power cut would), starts the launcher again on the same folder, and you resume the run with
# "Devam et". The bills list then shows exactly one bill per subscriber, numbered 1..N without a gap.
# KillDemoIT (launcher module) does the same automatically.
set -euo pipefail
n="${1:-20000}"
if [[ ! $n =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [subscribers]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/launcher/target/su-tahsilat.jar"
if [[ ! -f $jar ]]; then
  echo "build first: (cd $root && mvn -B -DskipTests package)" >&2
  exit 2
fi
work="$root/bench/target/kill-demo"
port="${PORT:-8080}"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export SU_BILLING_CHUNK_SIZE=100 SU_BILLING_LEASE_SECONDS=20

# the launcher and every process under it, deepest first
tree() {
  local pid=$1 child
  for child in $(ps -o pid= --ppid "$pid"); do
    tree "$child"
  done
  echo "$pid"
}

java -jar "$jar" --port "$port" --demo-subscribers "$n" > console-1.log 2>&1 &
launcher=$!
echo "starting (first start with demo data: about 40 s) ..."
until grep -q "ready in" console-1.log; do
  if ! kill -0 "$launcher" 2>/dev/null; then cat console-1.log; exit 1; fi
  sleep 1
done
grep "su-tahsilat:" console-1.log
cat <<TEXT

1. Open http://localhost:$port/admin/ and log in as admin with the password printed above.
2. Faturalama: institution "Yük Deneme Köyü", the period of the line "load demo: ..." above, "Faturalandır".
3. When the progress bar has moved (but before 100 %), come back here and press Enter.
TEXT
read -r _
pids=$(tree "$launcher")
kill -9 $pids
echo "kill -9 $(echo $pids | tr '\n' ' ')(launcher, Payara Micro, MariaDB): gone without any shutdown."
sleep 2
java -jar "$jar" --port "$port" > console-2.log 2>&1 &
launcher=$!
echo "restarting on the same folder (about 30 s) ..."
until grep -q "ready in" console-2.log; do
  if ! kill -0 "$launcher" 2>/dev/null; then cat console-2.log; exit 1; fi
  sleep 1
done
grep "su-tahsilat:" console-2.log
cat <<TEXT

4. Reload the billing page (log in again): "Tamamlanmamış faturalamalar" lists the run as "Yarıda kaldı"
   (within ${SU_BILLING_LEASE_SECONDS} s of the kill it still counts as running). Press "Devam et".
5. When it shows "Tamamlandı": $n bills. "Faturaları listele" shows them: numbers YUK-DENEME-<year>-000001 to
   $(printf '%06d' "$n"), one per subscriber; "Tüm faturaları tek PDF olarak indir" prints them all.
Ctrl-C stops the launcher (cleanly this time).
TEXT
trap 'kill "$launcher" 2>/dev/null; wait "$launcher"' INT TERM
wait "$launcher"
