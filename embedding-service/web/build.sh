#!/usr/bin/env bash
# Builds the web atlas with the machine's Node.js into the given folder (Maven passes
# target/classes/META-INF/resources): installs the locked npm packages when the lock file changed,
# type-checks, then bundles with esbuild. Nothing is fetched at run time: the page works offline.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-../target/classes/META-INF/resources}"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "web: Node.js and npm are needed to build the web atlas (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.patchmap-lock 2>/dev/null)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.patchmap-lock
fi
node_modules/.bin/tsc --noEmit -p .
node build.mjs "$out"
