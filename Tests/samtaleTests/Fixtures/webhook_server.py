#!/usr/bin/env python3
"""A chat webhook stand-in for the tests of `samtale post`: records every request and answers as scripted.

Usage: webhook_server.py SCRIPT LOG PORTFILE
  SCRIPT  a JSON file: {"/path": [answer, ...], ...}; each request to a path takes the next answer of its list
          (the last one repeats). An answer is {"status": 200, "body": "ok", "delay": 0.0, "retryAfter": "2",
          "headers": {...}, "stream": {...}}, every field optional (status 200, empty body). A path without a script
          gets 404. "stream" sends a body with no length instead of "body", until the client hangs up:
          {"chunk": 65536, "every": 0.0}, `chunk` bytes at a time, `every` seconds apart (an endless or trickling
          body). A header value may hold {port}, the port the server listens on (for a `Location`).
  LOG     every request is appended as one JSON line: {"method", "path", "query", "headers", "body", "time"}; every
          streamed answer, once the client has hung up, as one line of LOG.streams: {"path", "sent", "closed"}
          (bytes written, and when the client hung up).
  PORTFILE  where the port it listens on (127.0.0.1, chosen by the system) is written, once it listens.
Serves until killed.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

script_path, log_path, port_path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(script_path, encoding="utf-8") as file:
    script = json.load(file)
served = {}
lock = threading.Lock()


def append(path, record):
    with lock:
        with open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        path, _, query = self.path.partition("?")
        append(log_path, {"method": self.command, "path": path, "query": query, "headers": dict(self.headers.items()),
                          "body": body, "time": time.time()})
        with lock:
            answers = script.get(path)
            count = served.get(path, 0)
            served[path] = count + 1
        answer = answers[min(count, len(answers) - 1)] if answers else {"status": 404, "body": "no such hook"}
        time.sleep(answer.get("delay", 0))
        self.send_response(answer.get("status", 200))
        if "retryAfter" in answer:
            self.send_header("Retry-After", answer["retryAfter"])
        for name, value in answer.get("headers", {}).items():
            self.send_header(name, value.replace("{port}", str(self.server.server_address[1])))
        if "stream" in answer:
            self.stream(path, answer["stream"])
            return
        payload = answer.get("body", "")
        payload = payload if isinstance(payload, str) else json.dumps(payload)
        data = payload.encode("utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    # A redirected request comes back as a GET (301, 302, 303); it is recorded like any other.
    do_GET = do_POST

    def stream(self, path, stream):
        """A body without a length, sent until the client hangs up."""
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = b"x" * stream.get("chunk", 65536)
        sent = 0
        try:
            while True:
                self.wfile.write(chunk)
                self.wfile.flush()
                sent += len(chunk)
                time.sleep(stream.get("every", 0))
        except (BrokenPipeError, ConnectionResetError):
            append(log_path + ".streams", {"path": path, "sent": sent, "closed": time.time()})

    def log_message(self, *arguments):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_path + ".tmp", "w") as file:
    file.write(str(server.server_address[1]))
os.rename(port_path + ".tmp", port_path)  # whole, so that the reader never sees half a number
server.serve_forever()
