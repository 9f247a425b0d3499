#!/usr/bin/env python3
"""A range-capable HTTP server for one folder that counts requests and body bytes (GET/HEAD, Range: bytes=a-b).
Prints "requests bytes" to the file named by --stats on every request, so the caller reads the totals at any time."""
import argparse, http.server, os, re, threading

parser = argparse.ArgumentParser()
parser.add_argument("folder"); parser.add_argument("port", type=int); parser.add_argument("--stats", required=True)
args = parser.parse_args()
lock = threading.Lock()
totals = {"requests": 0, "bytes": 0}

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_HEAD(self): self.serve(body=False)
    def do_GET(self): self.serve(body=True)
    def serve(self, body):
        path = os.path.join(args.folder, os.path.basename(self.path.split("?")[0]))
        if not os.path.isfile(path):
            self.send_response(404); self.end_headers(); return
        size = os.path.getsize(path); start, end = 0, size - 1
        m = re.match(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if m:
            start = int(m.group(1)); end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
            self.send_response(206); self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        else:
            self.send_response(200)
        self.send_header("Accept-Ranges", "bytes"); self.send_header("Content-Length", str(end - start + 1)); self.end_headers()
        sent = 0
        if body:
            with open(path, "rb") as f:
                f.seek(start); data = f.read(end - start + 1); self.wfile.write(data); sent = len(data)
        with lock:
            totals["requests"] += 1; totals["bytes"] += sent
            with open(args.stats, "w") as s: s.write(f"{totals['requests']} {totals['bytes']}\n")

server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
with open(args.stats, "w") as s: s.write("0 0\n")
server.serve_forever()
