#!/usr/bin/env bash
# The web atlas render bench (docs/benchmarks.md, "Web atlas: map render"): serves N SIMULATED cells through the
# atlas API bench's seeding (api-bench.sh --serve: MongoDB-wire server and packaged embedding-service, page
# included), then opens the page in Chromium (web/bench/map-render.mjs) and prints the time to the first drawn map,
# the JS heap, the map's bytes and the pan/zoom frame rate. Loopback only.
#   embedding-service/web-bench.sh [--cells 10000] [--runs 5]
# BENCH_SKIP_BUILD=1 reuses the last build; BENCH_HEAP (default 3g; 12g at 100,000 cells) is the heap of the
# seeding JVM, which holds the MongoDB-wire server.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cells=10000
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --cells) cells="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "web-bench: unknown option $1; use --cells N, --runs N" >&2; exit 2 ;;
  esac
done
log=$(mktemp -t patchmap-web-bench.XXXXXX)
embedding-service/api-bench.sh --cells "$cells" --placed 0 --serve >"$log" 2>&1 &
server=$!
# api-bench.sh execs the JVM: this pid is the server's; SIGTERM lets it stop the service it started
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
until url=$(grep -m1 -o 'serving http://[^ ]*' "$log"); do
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$log"
    echo "web-bench: the server stopped before serving" >&2
    exit 1
  fi
  sleep 2
done
cat "$log"
node embedding-service/web/bench/map-render.mjs --url "${url#serving }" --runs "$runs"
