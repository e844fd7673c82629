#!/usr/bin/env bash
# Renders an overlay with kustomize and validates every object against its API schema
# (validate.mjs). Usage: deploy/kubernetes/validate/validate.sh dev|prod [--elsewhere=Kind,...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../../../bin/npm-locked" "$here"
overlay="$1"
shift
kubectl kustomize "$here/../overlays/$overlay" | node "$here/validate.mjs" "$@"
