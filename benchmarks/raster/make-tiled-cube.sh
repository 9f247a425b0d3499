#!/usr/bin/env bash
# Builds a large synthetic cube for the raster benchmark by tiling the real Sinop cube N × N times: one GDAL VRT per
# date that mosaics the 50 × 50 source over a (50·N)² grid with the source's CRS and pixel size. Nothing is copied,
# so a 4000 × 4000 × 23 cube costs a few MB of XML; it is generated at bench time and never committed.
# Usage: make-tiled-cube.sh OUT_DIR [N=40] [SOURCE_CUBE=../../../shared/datasets/sits_mod13q1_sinop/cube]
set -euo pipefail
out="$1"; n="${2:-40}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "${3:-$here/../../../shared/datasets/sits_mod13q1_sinop/cube}" && pwd)"
mkdir -p "$out"
size=$((50 * n))
wkt='PROJCS["unknown",GEOGCS["unknown",DATUM["unknown",SPHEROID["unknown",6371007.181,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Sinusoidal"],PARAMETER["longitude_of_center",0],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]'
for tif in "$src"/*.tif; do
  name="$(basename "$tif" .tif)"
  {
    echo "<VRTDataset rasterXSize=\"$size\" rasterYSize=\"$size\">"
    echo "  <SRS>$wkt</SRS>"
    echo "  <GeoTransform>-6064553.374, 231.656, 0, -1302586.208, 0, -231.656</GeoTransform>"
    echo "  <VRTRasterBand dataType=\"Float32\" band=\"1\">"
    echo "    <NoDataValue>nan</NoDataValue>"
    for ((r = 0; r < n; r++)); do
      for ((c = 0; c < n; c++)); do
        echo "    <SimpleSource><SourceFilename relativeToVRT=\"0\">$tif</SourceFilename><SourceBand>1</SourceBand><SrcRect xOff=\"0\" yOff=\"0\" xSize=\"50\" ySize=\"50\"/><DstRect xOff=\"$((c * 50))\" yOff=\"$((r * 50))\" xSize=\"50\" ySize=\"50\"/></SimpleSource>"
      done
    done
    echo "  </VRTRasterBand>"
    echo "</VRTDataset>"
  } > "$out/$name.vrt"
done
echo "$out: $(ls "$out" | wc -l) dates, ${size} × ${size} px"
