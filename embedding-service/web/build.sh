#!/usr/bin/env bash
# Builds the web atlas with the machine's Node.js into the given folder (Maven passes
# target/classes/META-INF/resources): installs the locked npm packages when the lock file changed,
# type-checks, then bundles with esbuild. Nothing is fetched at run time: the page works offline.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-../target/classes/META-INF/resources}"
../../bin/npm-locked .
node_modules/.bin/tsc --noEmit -p .
node build.mjs "$out"
