"""A stand-in for the Graph API's media upload and send, for bench/run-media-upload-benchmark.sh --cloud-api.

POST /{version}/{phone-number-id}/media: reads the multipart body (chunked or with a length) and discards it,
counting its bytes, then answers {"id": ...}; POST .../messages answers a wamid. It logs one line per request.
"""
import json
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Graph(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        started = time.time()
        size = self.discard_body()
        if self.path.endswith("/media"):
            answer = {"id": str(uuid.uuid4().int)[:16]}
            kind = "upload"
        else:
            answer = {"messaging_product": "whatsapp", "contacts": [{"input": "x", "wa_id": "x"}],
                      "messages": [{"id": "wamid.bench." + uuid.uuid4().hex}]}
            kind = "send"
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        print(f"{kind} {self.path} {size} bytes in {time.time() - started:.2f} s", flush=True)

    def discard_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            size = 0
            while True:
                length = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if length == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return size
                size += self.read(length)
                self.rfile.readline()
        return self.read(int(self.headers.get("Content-Length", "0")))

    def read(self, length):
        left = length
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)
        return length - left

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Graph).serve_forever()
