#!/usr/bin/env bash
# Starts the STAC test server for pipelines/sinop-stac.yaml: the sits Sinop cube cut into two tiles of COGs, served on
# 127.0.0.1:8792 behind a tiny STAC API on 127.0.0.1:8791 (the same servers the specs use). Stop it with Ctrl+C.
# Usage: samples/stac/serve.sh [--port 8791] [--files-port 8792] [--cube DIR] [--tiles DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec dotnet run --project "$root/tools/StacTestServer" -c Release -- "$@" --cube "$root/../shared/datasets/sits_mod13q1_sinop/cube"
