#!/usr/bin/env bash
# Bytes a remote read fetches against the bytes of the tiles it needs. Makes a 4096 × 4096 Float32 COG (256 × 256
# tiles, DEFLATE) from a Sinop NDVI file resampled, serves it with range_server.py, reads windows (ROIs) of it
# through GDAL's /vsicurl/ with the settings the cube plugin sets (GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR,
# CPL_VSIL_CURL_ALLOWED_EXTENSIONS=.tif, VSI_CACHE=TRUE, retries off) and prints one row per ROI:
#   roi, tiles, tile_bytes (tile_bytes.py), fetched_bytes, requests, ratio fetched/tile_bytes.
#   benchmarks/remote-bytes/measure.sh > benchmarks/remote-bytes/raw.csv
# Needs gdal-bin and python3 (no other package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/lstmfcn-remote-bytes.XXXXXX)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
src="$(ls "$root"/../shared/datasets/sits_mod13q1_sinop/cube/*.tif 2>/dev/null | head -1)"
[ -n "$src" ] || src="$(ls /work/shared/datasets/sits_mod13q1_sinop/cube/*.tif | head -1)"
nice -n 10 gdal_translate -q -outsize 4096 4096 -r bilinear -ot Float32 -of COG -co BLOCKSIZE=256 -co COMPRESS=DEFLATE \
  -co OVERVIEWS=AUTO "$src" "$work/big.tif"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$here/range_server.py" "$work" "$port" --stats "$work/stats" & server=$!
for _ in $(seq 50); do [ -f "$work/stats" ] && break; sleep 0.1; done
export GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR CPL_VSIL_CURL_ALLOWED_EXTENSIONS=.tif VSI_CACHE=TRUE GDAL_HTTP_MAX_RETRY=0
echo "roi,tiles,tile_bytes,fetched_bytes,requests,ratio"
for roi in "0 0 256 256" "1000 1000 300 300" "1000 1000 600 600" "2000 500 1024 1024" "100 3000 2048 512" "0 0 4096 4096"; do
  read -r x y w h <<<"$roi"
  read -r r0 b0 < "$work/stats"
  nice -n 10 gdal_translate -q -srcwin $x $y $w $h "/vsicurl/http://127.0.0.1:$port/big.tif" "$work/out.tif"
  read -r r1 b1 < "$work/stats"
  read -r tiles tb fb < <(python3 "$here/tile_bytes.py" "$work/big.tif" $x $y $w $h)
  python3 -c "print(f'$x+$y+${w}x$h,$tiles,$tb,$((b1-b0)),$((r1-r0)),{($b1-$b0)/$tb:.3f}')"
done
echo "# file bytes: $(stat -c %s "$work/big.tif")" >&2
