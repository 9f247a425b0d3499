#!/usr/bin/env python3
"""Bytes of the full-resolution tiles of a tiled (classic or Big) TIFF that a pixel window touches, from its first IFD's
TileOffsets/TileByteCounts: what an ideal range reader must fetch for that window.
    tile_bytes.py FILE XOFF YOFF XSIZE YSIZE  ->  "tiles bytes file_bytes" """
import struct, sys

def ifd0(f):
    order = f.read(2); e = "<" if order == b"II" else ">"
    magic = struct.unpack(e + "H", f.read(2))[0]
    big = magic == 43
    if big: f.read(4); off = struct.unpack(e + "Q", f.read(8))[0]
    else: off = struct.unpack(e + "I", f.read(4))[0]
    f.seek(off)
    n = struct.unpack(e + ("Q" if big else "H"), f.read(8 if big else 2))[0]
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 16: 8}; codes = {1: "B", 2: "c", 3: "H", 4: "I", 16: "Q"}
    tags = {}
    for _ in range(n):
        if big: tag, typ, count = struct.unpack(e + "HHQ", f.read(12)); raw = f.read(8)
        else: tag, typ, count = struct.unpack(e + "HHI", f.read(8)); raw = f.read(4)
        length = sizes.get(typ, 1) * count
        pos = f.tell()
        if length > len(raw):
            f.seek(struct.unpack(e + ("Q" if big else "I"), raw)[0]); raw = f.read(length); f.seek(pos)
        if typ in codes and typ != 2: tags[tag] = struct.unpack(e + codes[typ] * count, raw[:length])
    return tags

path, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:6])
with open(path, "rb") as f:
    t = ifd0(f)
width, height, tw, th = t[256][0], t[257][0], t[322][0], t[323][0]
counts = t[325]; across = (width + tw - 1) // tw
tiles = [(r * across + c) for r in range(y // th, (y + h - 1) // th + 1) for c in range(x // tw, (x + w - 1) // tw + 1)]
import os
print(len(tiles), sum(counts[i] for i in tiles), os.path.getsize(path))
